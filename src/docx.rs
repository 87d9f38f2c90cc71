//! Word `.docx`: the body's paragraphs as lines of text, and its tables as exact grids
//! (`gridSpan` and `vMerge` expanded the way [`merged::grid`] reads merged cells), for
//! [`crate::check_with_tables`]. The zip is read by `zip`, the XML by `roxmltree`.

use crate::merged::{self, Grid};
use roxmltree::Node;
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The body's XML is read up to this size; a report's is well under 5 MB.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// What a document gives the checker: the text a person reads, and the tables exactly.
#[derive(Debug, Default, PartialEq)]
pub struct Docx {
    pub text: String,
    pub tables: Vec<Grid>,
}

const RESAVE: &str = "请用 Word 或 WPS 打开后另存为 .docx，或复制报告文字后粘贴";

pub fn read(bytes: &[u8]) -> Result<Docx, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| format!("Word 文件已损坏（不是完整的 .docx 压缩包），无法读取；{RESAVE}"))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|_| format!("这个压缩文件不是 Word 文档（其中没有 word/document.xml）；{RESAVE}"))?
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|_| format!("Word 文件的正文已损坏，无法解压；{RESAVE}"))?;
    let doc = roxmltree::Document::parse(&xml)
        .map_err(|e| format!("Word 文件的正文已损坏（{e}）；{RESAVE}"))?;
    let body = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((W, "body")))
        .ok_or_else(|| format!("Word 文件中没有正文；{RESAVE}"))?;
    let mut out = Docx::default();
    blocks(body, &mut out);
    Ok(out)
}

/// Paragraphs and tables in document order; content controls (`w:sdt`) are looked into.
fn blocks(parent: Node, out: &mut Docx) {
    for n in parent
        .children()
        .filter(|n| n.tag_name().namespace() == Some(W))
    {
        match n.tag_name().name() {
            "p" => {
                let line = paragraph(n);
                if !line.trim().is_empty() {
                    out.text.push_str(line.trim());
                    out.text.push('\n');
                }
            }
            "tbl" => {
                let (grid, lines) = merged::grid(&table(n));
                for l in lines {
                    out.text.push_str(&l);
                    out.text.push('\n');
                }
                if !grid.is_empty() {
                    out.tables.push(grid);
                }
            }
            "sdt" | "sdtContent" | "customXml" => blocks(n, out),
            _ => {}
        }
    }
}

/// A paragraph's text: its runs' `w:t`, tabs and breaks; deleted text (`w:delText`) and the
/// fallback copy of alternate content are not part of it.
fn paragraph(p: Node) -> String {
    let mut s = String::new();
    runs(p, &mut s);
    s
}

fn runs(n: Node, s: &mut String) {
    for c in n.children() {
        if c.has_tag_name((MC, "Fallback")) {
            continue;
        }
        match (c.tag_name().namespace() == Some(W), c.tag_name().name()) {
            (true, "t") => s.push_str(c.text().unwrap_or("")),
            (true, "tab") => s.push('\t'),
            (true, "br" | "cr") => s.push('\n'),
            _ => runs(c, s),
        }
    }
}

fn w<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

/// One cell of a row as Word stores it.
struct WordCell {
    col: usize,
    cols: usize,
    text: String,
    /// `vMerge` without `restart`: the cell continues the one above it.
    continues: bool,
}

/// A table's rows as cells with spans: a `vMerge` restart spans the rows below it that
/// continue it at the same grid column, and those continuations are left out.
fn table(tbl: Node) -> Vec<Vec<merged::Cell>> {
    let rows: Vec<Vec<WordCell>> = tbl
        .children()
        .filter(|r| r.has_tag_name((W, "tr")))
        .map(row_cells)
        .collect();
    let continues_at = |r: usize, col: usize| {
        rows.get(r)
            .is_some_and(|row| row.iter().any(|c| c.continues && c.col == col))
    };
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .filter(|c| !c.continues)
                .map(|c| merged::Cell {
                    text: c.text.clone(),
                    rows: 1
                        + (r + 1..rows.len())
                            .take_while(|&below| continues_at(below, c.col))
                            .count(),
                    cols: c.cols,
                })
                .collect()
        })
        .collect()
}

fn row_cells(tr: Node) -> Vec<WordCell> {
    let mut col = w(tr, "trPr")
        .and_then(|p| w(p, "gridBefore"))
        .and_then(val)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut out = Vec::new();
    for tc in cells(tr) {
        let props = w(tc, "tcPr");
        let cols = props
            .and_then(|p| w(p, "gridSpan"))
            .and_then(val)
            .and_then(|v| v.parse().ok())
            .map_or(1, merged::clamp_span);
        let continues = props
            .and_then(|p| w(p, "vMerge"))
            .is_some_and(|m| val(m).is_none_or(|v| v == "continue"));
        out.push(WordCell {
            col,
            cols,
            text: cell_text(tc),
            continues,
        });
        col += cols;
    }
    out
}

/// A row's cells, also those wrapped in content controls.
fn cells<'a, 'i>(tr: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for c in tr.children() {
        if c.has_tag_name((W, "tc")) {
            out.push(c);
        } else if c.has_tag_name((W, "sdt")) {
            if let Some(content) = w(c, "sdtContent") {
                out.extend(cells(content));
            }
        }
    }
    out
}

/// A cell's paragraphs joined (a label broken over lines is one label), whitespace runs as
/// one space, trimmed: the way the page reads a clipboard cell.
fn cell_text(tc: Node) -> String {
    let mut s = String::new();
    for p in tc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        s.push_str(&paragraph(p));
    }
    s.split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(body: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        write!(
            z,
            r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        z.finish().unwrap();
        buf.into_inner()
    }

    fn p(t: &str) -> String {
        format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, t: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(t))
    }

    #[test]
    fn merged_cells_are_read_as_the_clipboard_path_reads_them() {
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let body = format!(
            "{}<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            p("某区2021年政府信息公开工作年度报告"),
            tc(restart, "三、本年度办理结果"),
            tc("", "（一）予以公开"),
            tc("", "5"),
            tc("<w:vMerge/>", ""),
            tc("", "（二）部分公开"),
            tc("", "2"),
            tc(r#"<w:gridSpan w:val="2"/>"#, "四、结转下年度继续办理"),
            tc("", "")
        );
        let d = read(&docx(&body)).unwrap();
        assert_eq!(
            d.tables[0],
            vec![
                vec!["三、本年度办理结果".to_string()],
                vec!["".into(), "（一）予以公开".into(), "5".into()],
                vec!["".into(), "（二）部分公开".into(), "2".into()],
                vec!["四、结转下年度继续办理".into(), "".into()],
            ]
        );
        assert_eq!(
            d.text,
            "某区2021年政府信息公开工作年度报告\n三、本年度办理结果\t（一）予以公开\t5\n\
             （二）部分公开\t2\n四、结转下年度继续办理\t\n"
        );
    }

    #[test]
    fn broken_files_get_a_chinese_message() {
        let e = read(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(e.contains("已损坏"), "{e}");
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.finish().unwrap();
        let e = read(&buf.into_inner()).unwrap_err();
        assert!(e.contains("不是 Word 文档"), "{e}");
        let e = read(&docx("<w:p><w:r><w:t>未闭合</w:r></w:p>")).unwrap_err();
        assert!(e.contains("正文已损坏"), "{e}");
    }
}
