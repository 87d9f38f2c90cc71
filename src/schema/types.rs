//! The template's building blocks: which template, the rows (indicators) with their wordings,
//! units and columns, and the arithmetic relations between them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    T2008,
    T2019,
    T2021,
}

impl Template {
    /// The template of a report's `template` field.
    pub fn from_name(name: &str) -> Option<Template> {
        [Template::T2008, Template::T2019, Template::T2021]
            .into_iter()
            .find(|t| t.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Template::T2008 => "2008",
            Template::T2019 => "2019",
            Template::T2021 => "2021",
        }
    }
}

/// Which templates an indicator or relation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    Y2008,
    /// both national formats
    Y2019And2021,
    Y2019Only,
    Y2021Only,
}

impl In {
    pub fn has(self, t: Template) -> bool {
        matches!(
            (self, t),
            (In::Y2008, Template::T2008)
                | (In::Y2019And2021, Template::T2019 | Template::T2021)
                | (In::Y2019Only, Template::T2019)
                | (In::Y2021Only, Template::T2021)
        )
    }
}

/// One row of a template table.
#[derive(Debug)]
pub struct Indicator {
    /// Stable id used in the JSON (`apply.received`).
    pub id: &'static str,
    pub within: In,
    /// The official wording; the first entry is the canonical label.
    pub labels: &'static [&'static str],
    /// Expected unit, `""` for none printed.
    pub unit: &'static str,
    pub columns: Columns,
    /// A group heading row: it carries no value of its own.
    pub heading: bool,
    /// Whether rows are found by their label. Table 四's figures have no label of their own
    /// and are found by their place instead.
    pub by_label: bool,
}

impl Indicator {
    /// The Han characters of the note in brackets the canonical wording ends with
    /// (`(不包括政府公报及政府网站工作人员数)`), if it ends with one: a copy may print the note
    /// on lines of its own, or not at all.
    pub fn note_han(&self) -> Option<String> {
        let wording = self.labels.first().filter(|w| w.ends_with(')'))?;
        let open = wording.rfind('(')?;
        Some(crate::normalize::han_chars(&wording[open..])).filter(|n| !n.is_empty())
    }

    /// The row's value columns; for single-value rows those the old form printed
    /// (`old_columns`, empty for one value per row).
    pub fn value_columns(&self, old_columns: &'static [&'static str]) -> &'static [&'static str] {
        match self.columns {
            Columns::Named(n) => n,
            Columns::Single => old_columns,
        }
    }

    /// How many cells the row has.
    pub fn width(&self, old_columns: &[&str]) -> usize {
        match self.columns {
            Columns::Named(n) => n.len(),
            Columns::Single => old_columns.len().max(1),
        }
    }
}

/// The value columns of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// One value (2008 统计数, 2019/2021 table 二 single-value rows).
    Single,
    /// Several named value columns.
    Named(&'static [&'static str]),
}

impl Columns {
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Columns::Single => &[],
            Columns::Named(n) => n,
        }
    }
}

/// An arithmetic relation that must hold. With columns, it holds in each column.
#[derive(Debug)]
pub enum Relation {
    /// total = Σ parts
    Sum {
        total: &'static str,
        parts: &'static [&'static str],
        within: In,
        /// The relation is another variant's when any of these rows is printed (the old
        /// template's provincial forms count replies and channels differently).
        absent: &'static [&'static str],
    },
    /// part ≤ whole
    AtMost {
        part: &'static str,
        whole: &'static str,
        within: In,
    },
    /// whole ≤ Σ parts (one item may count under several parts)
    AtMostSum {
        whole: &'static str,
        parts: &'static [&'static str],
        within: In,
        /// As for [`Relation::Sum`]: another variant's relation when any of these is printed.
        absent: &'static [&'static str],
    },
    /// a + b = c + d, per column (the 勾稽关系 of table 三)
    Balance {
        plus: [&'static str; 2],
        equals: [&'static str; 2],
        within: In,
    },
}
