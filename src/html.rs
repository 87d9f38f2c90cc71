//! Saved web pages (`.html`, `.htm`): the article's text and its tables as exact grids, for
//! [`crate::check_with_tables`].
//!
//! The page is parsed by `scraper` (html5ever's tree builder, the algorithm browsers use), so
//! Word's loose markup nests as it does in a browser. The article is found without knowing the
//! portal: the element with the most text outside links, widened to hold every statistics
//! table; its title is the last short line before it that names a report.

use crate::merged::{self, is_number, Grid};
use scraper::{ElementRef, Html, Node};

/// What a page gives the checker: the text a person reads, and the tables exactly.
#[derive(Debug, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub tables: Vec<Grid>,
}

/// Elements whose content is never read.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "select", "button",
    "textarea", "object", "svg",
];

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
];

/// Elements a paragraph's text is credited through, to the container that holds the paragraph.
const INNER: &[&str] = &[
    "p", "span", "font", "b", "strong", "i", "em", "u", "sup", "sub", "small", "big", "label",
    "br", "td", "th", "tr", "tbody", "thead", "tfoot", "table", "caption", "o:p", "center", "h1",
    "h2", "h3", "h4", "h5", "h6",
];

pub fn read(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let Some(body) = article(&doc) else {
        return Page::default();
    };
    let mut out = Lines::default();
    if let Some(title) = title_before(&doc, body) {
        if !text_of(body).contains(&title) {
            out.push_text(&title);
            out.flush();
        }
    }
    let mut tables = Vec::new();
    out.walk(body, &mut tables);
    out.flush();
    Page {
        text: out.text.trim_end().to_string() + "\n",
        tables,
    }
}

fn name<'a>(e: ElementRef<'a>) -> &'a str {
    e.value().name()
}

fn is_skipped(e: ElementRef) -> bool {
    SKIPPED.contains(&name(e))
}

/// The element holding the report: most text outside links, widened to every statistics table.
fn article(doc: &Html) -> Option<ElementRef<'_>> {
    let mut credit = std::collections::HashMap::new();
    for node in doc.root_element().descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let chars = t.chars().filter(|c| !c.is_whitespace()).count();
        let mut at = node.parent().and_then(ElementRef::wrap);
        let mut in_link = false;
        while let Some(e) = at {
            if name(e) == "a" || is_skipped(e) {
                in_link = true;
                break;
            }
            if !INNER.contains(&name(e)) {
                break;
            }
            at = e.parent().and_then(ElementRef::wrap);
        }
        if let (Some(e), false) = (at, in_link) {
            *credit.entry(e.id()).or_insert(0) += chars;
        }
    }
    let best = credit
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))?;
    let mut body = ElementRef::wrap(doc.tree.get(*best.0)?)?;
    for table in doc.root_element().descendent_elements() {
        if name(table) == "table" && is_statistics(table) {
            while !table.ancestors().any(|a| a.id() == body.id()) {
                body = body.parent().and_then(ElementRef::wrap)?;
            }
        }
    }
    Some(body)
}

/// A table of the report's figures, not a calendar or a layout table of the portal.
fn is_statistics(table: ElementRef) -> bool {
    let numbers = table
        .descendent_elements()
        .filter(|e| matches!(name(*e), "td" | "th"))
        .filter(|c| is_number(&cell_text(*c)))
        .count();
    numbers >= 6 && text_of(table).contains("公开")
}

/// The last short line before the article that names a report: the page's title.
fn title_before(doc: &Html, body: ElementRef) -> Option<String> {
    let mut found = None;
    for node in doc.root_element().descendants() {
        if node.id() == body.id() {
            break;
        }
        let Some(e) = ElementRef::wrap(node) else {
            continue;
        };
        // (the element's descendants include itself)
        let own_line = BLOCKS.contains(&name(e))
            && !e
                .descendent_elements()
                .skip(1)
                .any(|d| BLOCKS.contains(&name(d)));
        let in_link = e
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| name(a) == "a" || is_skipped(a));
        if !own_line || in_link || is_skipped(e) || name(e) == "a" {
            continue;
        }
        let t = squeeze(&text_of(e));
        let len = t.chars().count();
        if (6..=80).contains(&len) && (t.contains("报告") || t.contains("年报")) {
            found = Some(t);
        }
    }
    found
}

/// All text under an element, as `textContent` gives it.
fn text_of(e: ElementRef) -> String {
    e.text().collect()
}

/// Whitespace runs (including NBSP and U+3000) as one space, trimmed: a cell's text.
fn squeeze(t: &str) -> String {
    t.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn cell_text(td: ElementRef) -> String {
    squeeze(&text_of(td))
}

/// The document's text, built line by line.
#[derive(Default)]
struct Lines {
    text: String,
    line: String,
}

impl Lines {
    fn push_text(&mut self, t: &str) {
        for (i, w) in t
            .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
            .enumerate()
        {
            if i > 0 && !self.line.ends_with(' ') && !self.line.is_empty() {
                self.line.push(' ');
            }
            self.line.push_str(w);
        }
    }

    fn flush(&mut self) {
        let l = self.line.trim();
        if !l.is_empty() {
            self.text.push_str(l);
            self.text.push('\n');
        }
        self.line.clear();
    }

    fn walk(&mut self, e: ElementRef, tables: &mut Vec<Grid>) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(_) => {
                    let el = ElementRef::wrap(child).expect("an element");
                    let n = name(el);
                    if is_skipped(el) {
                        continue;
                    }
                    if n == "table" {
                        self.flush();
                        let (grid, lines) = grid_of(el);
                        for l in lines {
                            self.text.push_str(&l);
                            self.text.push('\n');
                        }
                        if !grid.is_empty() {
                            tables.push(grid);
                        }
                    } else if n == "br" {
                        self.flush();
                    } else if BLOCKS.contains(&n) {
                        self.flush();
                        self.walk(el, tables);
                        self.flush();
                    } else {
                        self.walk(el, tables);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The rows of a table (not of the tables nested in it).
fn rows<'a>(table: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let mut out = Vec::new();
    for child in table.child_elements() {
        match name(child) {
            "tr" => out.push(child),
            "thead" | "tbody" | "tfoot" => {
                out.extend(child.child_elements().filter(|r| name(*r) == "tr"))
            }
            _ => {}
        }
    }
    out
}

fn span(e: ElementRef, attr: &str) -> usize {
    e.attr(attr)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, merged::clamp_span)
}

/// One `<table>` as [`merged::grid`] reads it, from its rows' `<td>`/`<th>` cells.
fn grid_of(table: ElementRef) -> (Grid, Vec<String>) {
    let rows: Vec<Vec<merged::Cell>> = rows(table)
        .into_iter()
        .map(|tr| {
            tr.child_elements()
                .filter(|c| matches!(name(*c), "td" | "th"))
                .map(|td| merged::Cell {
                    text: cell_text(td),
                    rows: span(td, "rowspan"),
                    cols: span(td, "colspan"),
                })
                .collect()
        })
        .collect();
    merged::grid(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<div class=nav><a href=/>首页</a><a href=/x>政府信息公开年报</a></div>\
        <div class=t>某区2021年政府信息公开工作年度报告</div><div class=info>来源：办公室</div>\
        <div class=body><p>一、总体情况</p><p>本年度共收到申请&nbsp;12&nbsp;件。</p>\
        <table><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>\
        <tr><td>（二）部分公开</td><td>2</td></tr>\
        <tr><td colspan=2>四、结转下年度继续办理</td><td>&nbsp;</td></tr></table>\
        <p>二、主动公开政府信息情况</p></div><div class=foot>版权所有</div>";

    #[test]
    fn the_article_and_its_title_come_without_the_portal() {
        let p = read(PAGE);
        assert_eq!(
            p.text,
            "某区2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请 12 件。\n\
             三、本年度办理结果\t（一）予以公开\t5\n（二）部分公开\t2\n\
             四、结转下年度继续办理\t\n二、主动公开政府信息情况\n"
        );
    }

    #[test]
    fn tables_are_read_as_the_clipboard_path_reads_them() {
        let p = read(PAGE);
        let g: Vec<Vec<&str>> = p.tables[0]
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            g,
            vec![
                vec!["三、本年度办理结果"],
                vec!["", "（一）予以公开", "5"],
                vec!["", "（二）部分公开", "2"],
                vec!["四、结转下年度继续办理", ""],
            ]
        );
    }

    #[test]
    fn a_slice_that_starts_inside_a_tag_and_hostile_spans_are_read() {
        let p = read("zaStatus\">无障碍</font></a><div><p>报告正文</p><table><tr><td rowspan=99999 colspan=99999>x</td><td>1</td></tr></table></div>");
        assert_eq!(p.tables[0][0], vec!["x", "1"]);
        assert!(p.text.contains("报告正文"));
    }
}
