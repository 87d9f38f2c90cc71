//! The arithmetic of the tables: every relation is a constraint Σleft = Σright over cells;
//! failed constraints are grouped by the one cell that explains them all, so that one wrong
//! figure is one mistake. The reader verifies its readings with it (on the table's cells
//! alone), and `sum-mismatch` and `balance-mismatch` report it (with the prose's figures
//! where the table has no such row).

use crate::model::{Cell, Span, ValueKind};
use crate::schema::{self, Relation, Template};
use std::borrow::Cow;

/// A figure for an indicator (in one column), from the table or else from the prose. Its
/// label is borrowed where it can be: the arithmetic asks for figures hundreds of times a
/// call, and copying each label twice (the figure's, then the term's) was a third of it.
#[derive(Debug, Clone)]
pub struct Figure<'a> {
    pub value: Option<f64>,
    pub kind: ValueKind,
    pub span: Span,
    pub label: Cow<'a, str>,
    pub from_table: bool,
}

/// Where the arithmetic finds its figures.
pub trait Figures {
    /// The template whose relations apply.
    fn template(&self) -> Template;
    /// The table cell of an indicator in a column.
    fn cell(&self, id: &str, column: Option<&str>) -> Option<&Cell>;
    /// The figure of an indicator in a column (the cell, or another source's figure).
    fn figure(&self, id: &str, column: Option<&str>) -> Option<Figure<'_>>;
    /// Whether none of these rows is printed (a relation of another variant of the form).
    fn none_printed(&self, ids: &[&str]) -> bool;
    /// The value columns of an indicator (`[None]` for single-value rows).
    fn columns(&self, id: &str) -> Vec<Option<&'static str>>;
    /// Where the label of a row found in the table but not read stands.
    fn unread_row(&self, _id: &str) -> Option<Span> {
        None
    }
    /// Whether the terms carry their figures' labels: the rules quote them, the reader's
    /// verification does not (a copy of the label per term was a fifth of its arithmetic).
    fn quotes_labels(&self) -> bool {
        true
    }
}

/// A reading's cells by indicator and column: the arithmetic and the rules look cells up
/// thousands of times a check, and a scan of every cell each time was a good part of it.
pub struct CellIndex<'a> {
    /// (hash of the indicator, hash of the column, indicator, column, place among the cells,
    /// the cell), sorted: of equal keys the first is the cell a scan in order would find. The
    /// hashes come first so that a look-up compares numbers, not ids sharing long prefixes
    /// (`result.…`): comparing strings was most of the arithmetic's time.
    keys: Vec<Key<'a>>,
}

type Key<'a> = (u64, u64, &'a str, Option<&'a str>, usize, &'a Cell);

fn column_hash(column: Option<&str>) -> u64 {
    column.map_or(0, schema::fnv1a)
}

impl<'a> CellIndex<'a> {
    pub fn new(cells: impl IntoIterator<Item = &'a Cell>) -> CellIndex<'a> {
        let mut keys: Vec<Key<'a>> = cells
            .into_iter()
            .enumerate()
            .map(|(k, c)| {
                let (id, column) = (c.indicator.as_str(), c.column.as_deref());
                (schema::fnv1a(id), column_hash(column), id, column, k, c)
            })
            .collect();
        keys.sort_unstable_by_key(|&(h, hc, id, column, k, _)| (h, hc, id, column, k));
        CellIndex { keys }
    }

    /// The first cell of an indicator in a column.
    pub fn get(&self, id: &str, column: Option<&str>) -> Option<&'a Cell> {
        let key = (schema::fnv1a(id), column_hash(column), id, column);
        let at = self
            .keys
            .partition_point(|&(h, hc, i, c, ..)| (h, hc, i, c) < key);
        self.keys
            .get(at)
            .filter(|&&(_, _, i, c, ..)| i == id && c == column)
            .map(|&(.., cell)| cell)
    }

    /// Whether an indicator has a cell, in any column (its cells are together unless another
    /// id shares its hash: those few are looked through).
    pub fn has(&self, id: &str) -> bool {
        let h = schema::fnv1a(id);
        let at = self.keys.partition_point(|&(x, ..)| x < h);
        self.keys[at..]
            .iter()
            .take_while(|&&(x, ..)| x == h)
            .any(|&(_, _, i, ..)| i == id)
    }
}

#[derive(Debug, Clone)]
pub struct Term {
    pub id: &'static str,
    pub column: Option<&'static str>,
    pub value: f64,
    pub span: Span,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// a total and its parts (rows of a column)
    Sum,
    /// the 总计 column of a row and the columns it totals
    RowTotal,
    /// 一 + 二 = 三（七） + 四 in a column of table 三
    Balance,
    /// a part at most its whole, a whole at most its parts' sum (Σleft ≤ Σright): reported by
    /// `part-exceeds-whole`, here only where the one wrong cell of a failed sum explains it
    Bound,
}

#[derive(Debug, Clone)]
pub struct Constraint {
    pub shape: Shape,
    pub left: Vec<Term>,
    pub right: Vec<Term>,
}

impl Constraint {
    pub fn lhs(&self) -> f64 {
        self.left.iter().map(|t| t.value).sum()
    }
    pub fn rhs(&self) -> f64 {
        self.right.iter().map(|t| t.value).sum()
    }
    pub fn holds(&self) -> bool {
        self.balanced(self.lhs(), self.rhs())
    }
    fn balanced(&self, lhs: f64, rhs: f64) -> bool {
        match self.shape {
            Shape::Bound => lhs <= rhs + 0.005,
            _ => (lhs - rhs).abs() < 0.005,
        }
    }
    /// Whether the constraint holds with `term`'s cell holding `value` instead.
    fn holds_with(&self, term: &Term, value: f64) -> bool {
        let sum = |ts: &[Term]| -> f64 {
            ts.iter()
                .map(|u| if same_cell(u, term) { value } else { u.value })
                .sum()
        };
        self.balanced(sum(&self.left), sum(&self.right))
    }
    fn terms(&self) -> impl Iterator<Item = (&Term, bool)> {
        self.left
            .iter()
            .map(|t| (t, true))
            .chain(self.right.iter().map(|t| (t, false)))
    }
    /// The value a term would need for this constraint to hold, were it the only error.
    fn implied(&self, term: &Term, on_left: bool) -> f64 {
        let d = self.lhs() - self.rhs();
        if on_left {
            term.value - d
        } else {
            term.value + d
        }
    }
}

/// The outcome of reading every relation.
#[derive(Debug, Default)]
pub struct Arithmetic {
    /// Failed constraints explained by one cell: (culprit, its implied value, constraints).
    pub culprits: Vec<(Term, f64, Vec<Constraint>)>,
    /// Failed constraints no single cell explains, each with its echo in the 总计 column (the
    /// same relation, off by the same amount there), which is the same mistake seen again.
    pub single: Vec<(Constraint, Option<Constraint>)>,
    /// Totals that could not be checked: (total term's span, label, unreadable part's span).
    pub unchecked: Vec<(Span, String, Span)>,
}

impl Arithmetic {
    /// Whether a broken bound whose greater side starts with the figure at `span` is one of a
    /// culprit's (reported with it, not on its own).
    pub fn explains_bound(&self, span: Span) -> bool {
        self.culprits.iter().any(|(_, _, cs)| {
            cs.iter()
                .any(|c| c.shape == Shape::Bound && c.left.first().is_some_and(|t| t.span == span))
        })
    }
}

/// What a cell holds, for arithmetic.
enum Read {
    Value(Vec<Term>),
    Unreadable(Span),
    Absent,
}

fn term(
    cx: &dyn Figures,
    id: &'static str,
    column: Option<&'static str>,
    f: &Figure,
    value: f64,
) -> Term {
    Term {
        id,
        column,
        value,
        span: f.span,
        label: label(cx, &f.label),
    }
}

/// A term's label: the figure's, where the labels are quoted.
fn label(cx: &dyn Figures, label: &str) -> String {
    match cx.quotes_labels() {
        true => label.to_string(),
        false => String::new(),
    }
}

/// An indicator's figure as terms: itself, or — for a group row printed without figures of
/// its own (（三）不予公开) — the terms of its parts.
fn read(cx: &dyn Figures, id: &'static str, column: Option<&'static str>) -> Read {
    match cx.figure(id, column) {
        Some(f) => match (f.kind, f.value) {
            (_, Some(v)) => Read::Value(vec![term(cx, id, column, &f, v)]),
            (ValueKind::NotApplicable, _) => Read::Value(Vec::new()),
            (ValueKind::Text, _) => Read::Unreadable(f.span),
            _ if is_group(cx, id) => read_parts(cx, id, column),
            _ => Read::Absent,
        },
        None => read_parts(cx, id, column),
    }
}

fn is_group(cx: &dyn Figures, id: &str) -> bool {
    schema::indicator(id).is_some_and(|i| i.heading) && parts_of(cx, id).is_some()
}

fn parts_of(cx: &dyn Figures, id: &str) -> Option<&'static [&'static str]> {
    let t = cx.template();
    schema::relations().find_map(|r| match r {
        Relation::Sum {
            total,
            parts,
            within,
            absent,
        } if *total == id && within.has(t) && cx.none_printed(absent) => Some(*parts),
        _ => None,
    })
}

fn read_parts(cx: &dyn Figures, id: &'static str, column: Option<&'static str>) -> Read {
    let Some(parts) = parts_of(cx, id) else {
        return Read::Absent;
    };
    let mut terms = Vec::new();
    for p in parts {
        match read(cx, p, column) {
            Read::Value(t) => terms.extend(t),
            other => return other,
        }
    }
    if terms.is_empty() {
        Read::Absent
    } else {
        Read::Value(terms)
    }
}

fn read_all(
    cx: &dyn Figures,
    ids: &[&'static str],
    column: Option<&'static str>,
) -> Result<Vec<Term>, Option<Span>> {
    let mut out = Vec::new();
    for id in ids {
        match read(cx, id, column) {
            Read::Value(t) => out.extend(t),
            Read::Unreadable(s) => return Err(Some(s)),
            Read::Absent => return Err(None),
        }
    }
    Ok(out)
}

pub fn analyse(cx: &dyn Figures) -> Arithmetic {
    let mut out = Arithmetic::default();
    let mut failed = Vec::new();
    for c in constraints(cx, &mut out.unchecked) {
        if !c.holds() {
            failed.push(c);
        }
    }
    group_by_culprit(failed, &mut out);
    if !out.single.is_empty() {
        let broken: Vec<Constraint> = bounds(cx).into_iter().filter(|b| !b.holds()).collect();
        explain_bounds(&mut out, &broken);
    }
    out
}

/// One bound of the form: the figures of `less` add up to at most those of `more`, in `column`.
pub struct Bound {
    pub less: &'static [&'static str],
    pub more: &'static [&'static str],
    pub column: Option<&'static str>,
    /// A whole bounded by its parts' sum (a request counted under several ways or reasons),
    /// not a part by its whole.
    pub by_parts: bool,
}

/// The form's bounds that apply to these figures: a part at most its whole (in each of the
/// whole's columns), a whole at most its parts' sum where no row of another variant of the form
/// is printed. The arithmetic and the rule `part-exceeds-whole` walk this one list.
pub fn bound_relations(cx: &dyn Figures) -> Vec<Bound> {
    let t = cx.template();
    let mut out = Vec::new();
    for r in schema::relations() {
        match r {
            Relation::AtMost {
                part,
                whole,
                within,
            } if within.has(t) => {
                for column in cx.columns(whole) {
                    out.push(Bound {
                        less: std::slice::from_ref(part),
                        more: std::slice::from_ref(whole),
                        column,
                        by_parts: false,
                    });
                }
            }
            Relation::AtMostSum {
                whole,
                parts,
                within,
                absent,
            } if within.has(t) && cx.none_printed(absent) => out.push(Bound {
                less: std::slice::from_ref(whole),
                more: parts,
                column: None,
                by_parts: true,
            }),
            _ => {}
        }
    }
    out
}

/// The bounds as constraints on the figures read, where both sides are read.
fn bounds(cx: &dyn Figures) -> Vec<Constraint> {
    bound_relations(cx)
        .into_iter()
        .filter_map(|b| {
            let left = read_all(cx, b.less, b.column).ok()?;
            let right = read_all(cx, b.more, b.column).ok()?;
            (!left.is_empty() && !right.is_empty()).then_some(Constraint {
                shape: Shape::Bound,
                left,
                right,
            })
        })
        .collect()
}

/// A failed sum that one cell explains alone, where that cell is on a broken bound and its
/// implied value mends the bound too (`不同意公开答复数` 3 where the replies add up to 1 and
/// its reasons to 1): one wrong cell, one mistake, reported under the cell.
fn explain_bounds(out: &mut Arithmetic, broken: &[Constraint]) {
    let mut i = 0;
    while i < out.single.len() {
        let c = &out.single[i].0;
        let mended = out.single[i]
            .1
            .is_none()
            .then(|| mending(c, broken))
            .flatten();
        match mended {
            Some((t, implied, b)) => {
                let (c, _) = out.single.remove(i);
                out.culprits.push((t, implied, vec![c, broken[b].clone()]));
            }
            None => i += 1,
        }
    }
}

/// The cell of `c`, its implied value and the broken bound it mends, if any.
fn mending(c: &Constraint, broken: &[Constraint]) -> Option<(Term, f64, usize)> {
    for (t, left) in c.terms() {
        let implied = c.implied(t, left);
        for (n, b) in broken.iter().enumerate() {
            let on = b.left.iter().chain(&b.right).any(|u| same_cell(u, t));
            if on && b.holds_with(t, implied) {
                return Some((t.clone(), implied, n));
            }
        }
    }
    None
}

pub fn constraints(cx: &dyn Figures, unchecked: &mut Vec<(Span, String, Span)>) -> Vec<Constraint> {
    let t = cx.template();
    let mut out = Vec::new();
    for r in schema::relations() {
        match r {
            Relation::Sum {
                total,
                parts,
                within,
                absent,
            } if within.has(t) && cx.none_printed(absent) => {
                for column in cx.columns(total) {
                    let Some(f) = cx.figure(total, column) else {
                        continue;
                    };
                    let Some(v) = f.value else { continue };
                    match read_all(cx, parts, column) {
                        Ok(right) if !right.is_empty() => out.push(Constraint {
                            shape: Shape::Sum,
                            left: vec![term(cx, total, column, &f, v)],
                            right,
                        }),
                        Err(Some(bad)) => unchecked.push((f.span, quoted(&f.label, column), bad)),
                        // a part found in the old form but not read: the total goes untested
                        // (table-incomplete names the part; this names the total)
                        Err(None) if t == Template::T2008 => {
                            if let Some(part) = parts.iter().find_map(|p| cx.unread_row(p)) {
                                unchecked.push((f.span, quoted(&f.label, column), part));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Relation::Balance {
                plus,
                equals,
                within,
            } if within.has(t) => {
                for column in cx.columns(plus[0]) {
                    if let (Ok(left), Ok(right)) =
                        (read_all(cx, plus, column), read_all(cx, equals, column))
                    {
                        if !left.is_empty() && !right.is_empty() {
                            out.push(Constraint {
                                shape: Shape::Balance,
                                left,
                                right,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out.extend(row_totals(cx));
    out
}

fn row_totals(cx: &dyn Figures) -> Vec<Constraint> {
    let mut out = Vec::new();
    for ind in schema::indicators().filter(|i| i.within.has(cx.template())) {
        let schema::Columns::Named(names) = ind.columns else {
            continue;
        };
        for (total, parts) in schema::row_totals(names) {
            let cell_term = |col: &'static str| -> Option<Term> {
                let c = cx.cell(ind.id, Some(col))?;
                Some(Term {
                    id: ind.id,
                    column: Some(col),
                    value: c.value?,
                    span: c.span,
                    label: label(cx, &c.label),
                })
            };
            let Some(whole) = cell_term(total) else {
                continue;
            };
            let right: Option<Vec<Term>> = parts.iter().map(|p| cell_term(p)).collect();
            if let Some(right) = right {
                out.push(Constraint {
                    shape: Shape::RowTotal,
                    left: vec![whole],
                    right,
                });
            }
        }
    }
    out
}

/// Picks, again and again, the cell that alone would mend the most failed constraints (at
/// least two, all by the same correction), and reports those constraints under it.
pub fn group_by_culprit(mut failed: Vec<Constraint>, out: &mut Arithmetic) {
    loop {
        let mut best: Option<(usize, Term, f64)> = None;
        for c in &failed {
            for (t, left) in c.terms() {
                let implied = c.implied(t, left);
                let explained = failed
                    .iter()
                    .filter(|o| {
                        o.terms().any(|(u, l)| {
                            same_cell(u, t) && (o.implied(u, l) - implied).abs() < 0.005
                        })
                    })
                    .count();
                if explained >= 2 && best.as_ref().is_none_or(|(n, ..)| explained > *n) {
                    best = Some((explained, t.clone(), implied));
                }
            }
        }
        let Some((_, culprit, implied)) = best else {
            break;
        };
        let (mine, rest): (Vec<_>, Vec<_>) = failed.into_iter().partition(|o| {
            o.terms()
                .any(|(u, l)| same_cell(u, &culprit) && (o.implied(u, l) - implied).abs() < 0.005)
        });
        out.culprits.push((culprit, implied, mine));
        failed = rest;
    }
    out.single = pair_echoes(failed);
}

/// A figure wrong in one column makes its 总计 column wrong by as much: pairs each failed
/// constraint in a column with its echo in the 总计 column.
fn pair_echoes(failed: Vec<Constraint>) -> Vec<(Constraint, Option<Constraint>)> {
    let in_total = |c: &Constraint| c.left[0].column == Some("总计");
    let diff = |c: &Constraint| c.lhs() - c.rhs();
    let same_relation =
        |a: &Constraint, b: &Constraint| a.shape == b.shape && a.left[0].id == b.left[0].id;
    let (mut totals, columns): (Vec<Constraint>, Vec<Constraint>) =
        failed.into_iter().partition(in_total);
    let mut out = Vec::new();
    for c in columns {
        let echo = totals
            .iter()
            .position(|t| same_relation(t, &c) && (diff(t) - diff(&c)).abs() < 0.005);
        out.push((c, echo.map(|i| totals.remove(i))));
    }
    out.extend(totals.into_iter().map(|t| (t, None)));
    out
}

fn same_cell(a: &Term, b: &Term) -> bool {
    a.id == b.id && a.column == b.column
}

/// `“（三）申请答复数”`, or with a column: `“（七）总计”（自然人列）`.
pub fn quoted(label: &str, column: Option<&str>) -> String {
    match column {
        Some(c) => format!("“{label}”（{c}列）"),
        None => format!("“{label}”"),
    }
}
