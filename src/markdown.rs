//! Markdown as PDF-to-Markdown converters and chat assistants hand a report on, turned into the
//! shape of a web copy: a pipe table row `|label|0|3|` becomes the label and its figures
//! separated by tabs, as Chromium copies a table; a `<br>` inside a cell a line break, as a
//! cell's paragraphs are; `|---|---|` lines and `<!-- … -->` comments nothing. The readers then
//! read a Markdown table the way they read any copied table, instead of taking the pipes of
//! vacant merged cells (`||2.其他…`) or a row's line end for blank cells.
//!
//! Every edit replaces one ASCII byte by another or deletes bytes, so that the normalized
//! text keeps its map back to what was pasted.

/// The edits that make a text's Markdown tables read like a web copy.
#[derive(Debug, Default, PartialEq)]
pub struct Edits {
    /// (byte, new byte): `|` → `\t`, `<` of `<br>` → `\n`.
    pub replace: Vec<(usize, u8)>,
    /// Byte ranges to delete, sorted, not overlapping.
    pub delete: Vec<(usize, usize)>,
}

/// Edits for a text, none unless it holds a Markdown table (a `|---|` line) or `<br>`.
pub fn edits(text: &str) -> Edits {
    let mut out = Edits::default();
    if !text.contains("|---") && !text.contains("<br>") && !text.contains("</") {
        return out;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        line_edits(body, start, &mut out);
        start += line.len();
    }
    out.delete.sort_unstable();
    out
}

fn line_edits(line: &str, at: usize, out: &mut Edits) {
    let trimmed = line.trim();
    if is_rule(trimmed) {
        out.delete.push((at, at + line.len()));
        return;
    }
    let is_row = trimmed.len() >= 2 && trimmed.starts_with('|') && trimmed.ends_with('|');
    let mut deleted: Vec<(usize, usize)> = Vec::new();
    for (i, _) in line.match_indices("<br>") {
        // a break opening a cell (`|<br>4610584.23元|`: the converter's vertical offset) breaks
        // nothing: as a line break it cut the cell from its row, read blank
        if is_row && line[..i].trim_end().ends_with('|') {
            deleted.push((at + i, at + i + 4));
            continue;
        }
        // two figures a converter put in one cell (`26<br>29`) are two cells
        let between_figures = line[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
            && line[i + 4..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-');
        out.replace.push((
            at + i,
            if between_figures && is_row {
                b'\t'
            } else {
                b'\n'
            },
        ));
        deleted.push((at + i + 1, at + i + 4));
    }
    for (open, close) in inline_tags(line) {
        deleted.push((at + open, at + close));
    }
    for (open, close) in comments(line) {
        deleted.retain(|&(s, _)| s < at + open || s >= at + close);
        out.replace
            .retain(|&(s, _)| s < at + open || s >= at + close);
        deleted.push((at + open, at + close));
    }
    if is_row {
        row_edits(line, at, &mut deleted, out);
    }
    out.delete.extend(deleted);
}

/// A pipe row's cells joined by tabs, its outer pipes gone. Empty cells stay empty fields: a
/// converter prints one for every column a merged cell covers (`||2.其他…`, `|（七）总计||217|…`
/// where the label spans two columns), a writer for a cell left blank; the readers tell them
/// apart by the row's width (an empty field beyond it is no cell).
fn row_edits(line: &str, at: usize, deleted: &mut Vec<(usize, usize)>, out: &mut Edits) {
    let pipes: Vec<usize> = line
        .match_indices('|')
        .map(|(i, _)| i)
        .filter(|&i| !inside(deleted, at + i))
        .collect();
    let (Some(&first), Some(&last)) = (pipes.first(), pipes.last()) else {
        return;
    };
    deleted.push((at + first, at + first + 1));
    deleted.push((at + last, at + last + 1));
    for &p in &pipes[1..pipes.len() - 1] {
        out.replace.push((at + p, b'\t'));
    }
}

/// A table's header rule: `|---|:---:|` (pipes, dashes, colons, spaces only).
fn is_rule(t: &str) -> bool {
    t.starts_with('|') && t.contains("---") && t.bytes().all(|b| b"|-: ".contains(&b))
}

/// Inline HTML tags a converter keeps (`<sup>26</sup>`, `<b>`, `</span>`), `<br>` aside: not text.
fn inline_tags(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('<').map(|i| from + i) {
        let rest = &line[open + 1..];
        let name_len = rest
            .trim_start_matches('/')
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let slash = usize::from(rest.starts_with('/'));
        let close = open + 1 + slash + name_len;
        let name = &line[open + 1 + slash..close];
        if name_len > 0 && !name.eq_ignore_ascii_case("br") && line[close..].starts_with('>') {
            out.push((open, close + 1));
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    out
}

/// `<!-- … -->` on the line, as byte ranges.
fn comments(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find("<!--").map(|i| from + i) {
        let Some(close) = line[open..].find("-->").map(|i| open + i + 3) else {
            break;
        };
        out.push((open, close));
        from = close;
    }
    out
}

fn inside(ranges: &[(usize, usize)], i: usize) -> bool {
    ranges.iter().any(|&(s, e)| s <= i && i < e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str) -> String {
        let e = edits(text);
        let mut bytes = text.as_bytes().to_vec();
        for &(i, b) in &e.replace {
            bytes[i] = b;
        }
        let mut out = Vec::new();
        for (i, b) in bytes.into_iter().enumerate() {
            if !e.delete.iter().any(|&(s, t)| s <= i && i < t) {
                out.push(b);
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_pipe_row_reads_as_a_copied_row() {
        assert_eq!(
            apply("|---|---|\n|主动公开信息数|条|425|1516|\n"),
            "\n主动公开信息数\t条\t425\t1516\n"
        );
    }

    #[test]
    fn empty_cells_stay_empty_fields() {
        assert_eq!(apply("|行政许可<br>10690|||\n"), "行政许可\n10690\t\t\n");
        assert_eq!(apply("|---|\n|a|1| |2|\n"), "\na\t1\t \t2\n");
        assert_eq!(
            apply("|---|\n|（七）总计||217|1|\n"),
            "\n（七）总计\t\t217\t1\n"
        );
    }

    #[test]
    fn a_vacant_merged_cell_is_a_field_before_the_label_and_br_breaks_lines() {
        assert_eq!(
            apply("||2.其他法律行政<br>法规禁止公开<br>0|0|0|\n"),
            "\t2.其他法律行政\n法规禁止公开\n0\t0\t0\n"
        );
    }

    #[test]
    fn a_break_opening_a_cell_breaks_nothing() {
        assert_eq!(
            apply("|政府集中采购<br>8|<br>4610584.23元|\n"),
            "政府集中采购\n8\t4610584.23元\n"
        );
    }

    #[test]
    fn two_figures_in_one_cell_are_two_cells() {
        assert_eq!(
            apply("|行政强制|126|26<br>29|\n"),
            "行政强制\t126\t26\t29\n"
        );
        assert_eq!(
            apply("|1.本机关不掌握<br>相关政府信息<br>37|0|\n"),
            "1.本机关不掌握\n相关政府信息\n37\t0\n"
        );
    }

    #[test]
    fn inline_tags_go() {
        assert_eq!(apply("|---|\n|a|<sup>26</sup>|</b>1|\n"), "\na\t26\t1\n");
    }

    #[test]
    fn comments_go_and_plain_text_stays() {
        assert_eq!(
            apply("<!-- Start of picture text -->3.其他 0 2<br>（七）总计 72<!-- End -->\n"),
            "3.其他 0 2\n（七）总计 72\n"
        );
        assert_eq!(edits("a | b\n"), Edits::default());
    }
}
