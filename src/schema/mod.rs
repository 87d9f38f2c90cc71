//! Template schemas as data: indicators with their printed wordings and units, the columns of
//! multi-column tables, and the arithmetic relations between indicators.
//!
//! The 2008–2018 template is in [`t2008`]; the 2019 and 2021 national formats in [`t2019`].

pub mod layout;
pub mod t2008;
pub mod t2019;
mod types;

pub use types::{Columns, In, Indicator, Relation, Template};

use crate::normalize::is_han;

/// All indicators of all templates, in table order (matching uses the order).
pub fn indicators() -> impl Iterator<Item = &'static Indicator> {
    t2008::INDICATORS.iter().chain(t2019::INDICATORS.iter())
}

pub fn relations() -> impl Iterator<Item = &'static Relation> {
    t2008::RELATIONS.iter().chain(t2019::RELATIONS.iter())
}

/// The first indicator of that id, looked up in a list sorted by id (made once: the arithmetic
/// asks for indicators by id thousands of times a check).
pub fn indicator(id: &str) -> Option<&'static Indicator> {
    // sorted by the id's hash first: ids share long prefixes (`result.…`), and comparing them
    // byte by byte was most of a look-up
    type ById = Vec<(u64, &'static str, usize, &'static Indicator)>;
    static BY_ID: std::sync::OnceLock<ById> = std::sync::OnceLock::new();
    let by_id = BY_ID.get_or_init(|| {
        let mut v: ById = indicators()
            .enumerate()
            .map(|(k, i)| (fnv1a(i.id), i.id, k, i))
            .collect();
        v.sort_unstable_by_key(|&(h, id, k, _)| (h, id, k));
        v
    });
    let key = (fnv1a(id), id);
    let at = by_id.partition_point(|&(h, i, ..)| (h, i) < key);
    by_id
        .get(at)
        .filter(|&&(_, i, ..)| i == id)
        .map(|&(.., ind)| ind)
}

/// FNV-1a: a short string's hash in a few cycles a byte, for look-ups that compare hashes
/// before strings.
pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The wordings of another format that agencies print for this row ([`t2019::OTHER_WORDINGS`]).
pub fn other_wordings(id: &str) -> &'static [&'static str] {
    t2019::OTHER_WORDINGS
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(&[], |(_, w)| w)
}

/// Whether a printed label is another format's wording of the row, not one of its own.
pub fn is_other_wording(id: &str, label: &str) -> bool {
    let printed = core(label);
    other_wordings(id).iter().any(|w| core(w) == printed)
}

/// The table a national-format row belongs to.
pub fn national_table(ind: &Indicator) -> &'static str {
    if ind.id.starts_with("disclose") {
        "表二"
    } else if ind.id == "review_lawsuit" {
        "表四"
    } else {
        "表三"
    }
}

/// The table a row of a template is in: `表二`, `表三`, `表四` of the national forms, the old
/// form's one `统计表`.
pub fn table_of(t: Template, ind: &Indicator) -> &'static str {
    match t {
        Template::T2008 => "统计表",
        _ => national_table(ind),
    }
}

/// The rows of a template that carry figures. 2019 prints （六）其他处理 as one row, 2021 as
/// a group of three; other groups carry no figures of their own.
pub fn value_rows(t: Template) -> impl Iterator<Item = &'static Indicator> {
    indicators().filter(move |i| {
        i.within.has(t)
            && match t {
                Template::T2019 => carries_figures_with_one_other_row(i),
                _ => !i.heading,
            }
    })
}

/// The rows of a template that carry figures where its table 三 prints （六）其他处理 as one
/// row: 2019's form, and a 2021 form some agencies still fill so (template-mismatch says so).
pub fn value_rows_with_one_other_row(t: Template) -> impl Iterator<Item = &'static Indicator> {
    indicators().filter(move |i| i.within.has(t) && carries_figures_with_one_other_row(i))
}

/// Whether a row has one column of figures: the old form's rows (its year and 历年累计 columns
/// being one column of the form, a value each), which alone number their rows with serials; the
/// 2019 and 2021 tables print none.
pub fn one_value_column(id: &str) -> bool {
    indicator(id).is_some_and(|ind| ind.columns.names().is_empty())
}

/// Whether a row prints no figures of its own, among the rows `found` in a text: a group
/// heading, except （六）其他处理 where none of its three parts is found (2019's form prints it
/// as a row of figures, and so do 2021 forms some agencies still fill so).
pub fn figureless(i: &Indicator, found: &[&Indicator]) -> bool {
    let printed_as_a_row =
        i.id == "result.other" && !found.iter().any(|f| f.id.starts_with("other."));
    i.heading && !printed_as_a_row
}

fn carries_figures_with_one_other_row(i: &Indicator) -> bool {
    (!i.heading || i.id == "result.other") && !i.id.starts_with("other.")
}

/// The row totals of a row with these columns: (the total's column, the columns it sums).
pub fn row_totals<'a>(
    columns: &'a [&'a str],
) -> impl Iterator<Item = (&'static str, &'static [&'static str])> + 'a {
    t2019::ROW_TOTALS
        .iter()
        .filter(move |(set, ..)| std::ptr::eq(*set, columns) || *set == columns)
        .map(|&(_, total, parts)| (total, parts))
}

/// The Han characters of a wording's core: what a label keeps in any rendering.
pub fn han_core(wording: &str) -> String {
    crate::normalize::han_chars(&core(wording))
}

/// A value made once per template, on first use (`slots` one per template, in `Template`'s
/// order).
pub fn once_per_template<T>(
    slots: &'static [std::sync::OnceLock<T>; 3],
    t: Template,
    make: impl FnOnce() -> T,
) -> &'static T {
    slots[t as usize].get_or_init(make)
}

/// The distinctive part of a label: no spaces, numbering, `其中:` or parenthesised notes.
pub fn core(label: &str) -> String {
    let s = normalized_without_spaces(label);
    // on a slice: copying the rest after each mark made labels like `(1)(1)(1)…` quadratic
    let mut rest = s.as_str();
    loop {
        let before = rest.len();
        rest = strip_numbering(rest);
        if let Some(r) = rest
            .strip_prefix("其中:")
            .or_else(|| rest.strip_prefix("其中"))
        {
            rest = r;
        }
        if rest.len() == before {
            break;
        }
    }
    let mut core = remove_parenthesised(rest);
    let unit_after_a_count = UNITS[..COUNTS_UNITS]
        .iter()
        .find(|u| core.strip_suffix(**u).is_some_and(|r| r.ends_with('数')));
    if let Some(unit) = unit_after_a_count {
        core.truncate(core.len() - unit.len());
    }
    core
}

/// The units a report prints beside its figures, longer ones first where one ends another
/// (`人次` before `次`). `core` takes the first [`COUNTS_UNITS`] off the end of a count's wording
/// (`…数`) where normalizing glued them on, having taken out the space PDFium and `-layout` print
/// between a label and its unit (`（2）同意公开答复数 件`): no wording ends so, and with the
/// unit the label resembled a longer wording more than its own (`不同意公开答复数` over
/// `同意公开答复数`).
pub const UNITS: &[&str] = &[
    "人次", "万元", "条", "件", "次", "篇", "个", "人", "元", "项", "家", "份", "期", "名", "天",
    "户",
];
const COUNTS_UNITS: usize = 10;

/// A printed label with one of `units` taken out where it stands, once for each place: a
/// unit glued on after a wording (`…数件`) or, `-layout` printing it on the middle line of a
/// wrapped label, inside it (`主动公开招投标…的项目等条信息数`).
pub fn without_a_unit<'a>(
    label: &'a str,
    units: &'a [&'a str],
) -> impl Iterator<Item = String> + 'a {
    units.iter().flat_map(move |unit| {
        label
            .match_indices(unit)
            .map(move |(at, _)| [&label[..at], &label[at + unit.len()..]].concat())
    })
}

fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(['(', '（']);
    let digits =
        t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if digits.len() == t.len() {
        return s;
    }
    let after = digits.trim_start_matches([')', '）']);
    let after = after.strip_prefix(['、', '.', ',', '。']).unwrap_or(after);
    // "1.5万" is a number, not a numbering: require the rest to start with a Han character
    if after.len() < digits.len() || after.len() < t.len() && after.starts_with(is_han) {
        after
    } else {
        s
    }
}

/// A label's characters normalized, without white space and `|`. The characters kept as they
/// are are copied a run at a time: one at a time was most of the core of a paragraph taken
/// for a label (thousands of characters).
fn normalized_without_spaces(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    // where the run of characters kept as they are starts
    let mut run = 0;
    for (i, ch) in label.char_indices() {
        let kept = crate::normalize::normalize_char(ch).filter(|c| !c.is_whitespace() && *c != '|');
        if kept == Some(ch) {
            continue;
        }
        out.push_str(&label[run..i]);
        out.extend(kept);
        run = i + ch.len_utf8();
    }
    out.push_str(&label[run..]);
    out
}

/// The text outside parentheses (all of it when nothing is), copied a run at a time.
fn remove_parenthesised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    // where the run outside parentheses starts
    let mut run = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    out.push_str(&s[run..i]);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    run = i + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        out.push_str(&s[run..]);
    }
    if out.is_empty() {
        s.to_string()
    } else {
        out
    }
}

/// How well a printed label matches a template wording, 0.0–1.0.
pub fn similarity(label_core: &str, wording_core: &str) -> f64 {
    Core::new(label_core).similarity(&Core::new(wording_core))
}

/// A label core with what [`similarity`] needs, computed once: matching compares every row
/// with every wording, and recounting characters and bigrams there dominated a check.
pub struct Core {
    pub text: String,
    chars: usize,
    /// Character bigrams as one number each (21 bits a character), sorted (for Dice).
    grams: Vec<u64>,
}

impl Core {
    pub fn new(core: &str) -> Core {
        let v: Vec<char> = core.chars().collect();
        let mut grams: Vec<u64> = v
            .windows(2)
            .map(|w| (u64::from(w[0]) << 21) | u64::from(w[1]))
            .collect();
        grams.sort_unstable();
        Core {
            text: core.to_string(),
            chars: v.len(),
            grams,
        }
    }

    pub fn chars(&self) -> usize {
        self.chars
    }

    /// [`similarity`] of this label core to a wording core.
    pub fn similarity(&self, wording: &Core) -> f64 {
        self.similarity_at_least(wording, 0.0)
    }

    /// [`similarity`] when it is at least `min`; below that, some value below `min`. Pairs
    /// whose lengths alone keep every branch below `min` are not compared at all.
    pub fn similarity_at_least(&self, wording: &Core, min: f64) -> f64 {
        self.similarity_sharing(wording, min, || common_grams(&self.grams, &wording.grams))
    }

    /// [`Core::similarity_at_least`], given how many bigrams the two share (asked only when
    /// needed).
    pub fn similarity_sharing(
        &self,
        wording: &Core,
        min: f64,
        shared: impl FnOnce() -> usize,
    ) -> f64 {
        let (label_core, wording_core) = (self.text.as_str(), wording.text.as_str());
        if let Some(s) = text_match(label_core, wording) {
            return s;
        }
        let (l, w) = (self.chars, wording.chars);
        let (gl, gw) = (self.grams.len(), wording.grams.len());
        if !may_reach(l, gl, w, gw, min) {
            return 0.0;
        }
        // a substring has all its bigrams in the other string: counting shared bigrams first
        // spares the substring searches that most pairs would fail
        let common = shared();
        if w >= 4 && common == wording.grams.len() && label_core.contains(wording_core) {
            return 0.9 * (w as f64 / l as f64).clamp(0.5, 1.0).sqrt();
        }
        if l >= 4 && common == self.grams.len() && wording_core.contains(label_core) {
            return 0.85 * (l as f64 / w as f64).sqrt();
        }
        if self.grams.is_empty() || wording.grams.is_empty() {
            return 0.0;
        }
        2.0 * common as f64 / (self.grams.len() + wording.grams.len()) as f64
    }
}

/// The scores of [`similarity`] that need no bigrams: none for an empty core, the wording
/// whole, or the label ending with it (a group prefix glued on, `(三)不予公开1.属于国家秘密`,
/// or a shortened wording).
pub fn text_match(label_core: &str, wording: &Core) -> Option<f64> {
    let wording_core = wording.text.as_str();
    if label_core.is_empty() || wording_core.is_empty() {
        return Some(0.0);
    }
    if label_core == wording_core {
        return Some(1.0);
    }
    (label_core.ends_with(wording_core) && wording.chars >= 4).then_some(0.95)
}

/// Whether a label of `l` characters and `gl` bigrams may score `min` against a wording of `w`
/// and `gw` by the branches of [`similarity`] past [`text_match`]: the most each can give,
/// cheapest first.
fn may_reach(l: usize, gl: usize, w: usize, gw: usize, min: f64) -> bool {
    2.0 * gl.min(gw) as f64 / (gl + gw).max(1) as f64 >= min
        || (w >= 4 && l >= w && 0.9 * (w as f64 / l as f64).clamp(0.5, 1.0).sqrt() >= min)
        || (l >= 4 && w >= l && 0.85 * (l as f64 / w as f64).sqrt() >= min)
}

/// The cores of every indicator's wordings, in [`indicators`] order, prepared once.
pub fn wording_cores() -> &'static [Vec<Core>] {
    static CORES: std::sync::OnceLock<Vec<Vec<Core>>> = std::sync::OnceLock::new();
    CORES.get_or_init(|| {
        indicators()
            .map(|i| {
                i.labels
                    .iter()
                    .chain(other_wordings(i.id))
                    .map(|w| Core::new(&core(w)))
                    .collect()
            })
            .collect()
    })
}

/// Every wording's core, with its bigrams in one sorted list: a label looks up its own bigrams
/// there and compares itself only with the wordings that share one. (A wording that shares
/// none scores 0: every branch of [`similarity`] but Dice needs shared bigrams.)
pub struct WordingIndex {
    /// (index of the indicator in [`indicators`], the wording's core)
    pub cores: Vec<(usize, &'static Core)>,
    /// Sorted postings, each one number: bigram (42 bits), index in `cores` (12 bits), times
    /// the bigram occurs in that wording (10 bits). One number sorts with the code that sorts
    /// bigrams, which keeps the wasm smaller.
    postings: Vec<u64>,
    /// Where each bigram's postings lie, in a hash table (open addressing; bigram 0, which no
    /// two characters make, for an empty slot): a label's bigrams are looked up here for
    /// every label scored, and a binary search of the postings was most of it.
    runs: Vec<(u64, u32, u32)>,
    /// The characters of the longest wording.
    longest: usize,
}

impl WordingIndex {
    fn new(cores: Vec<(usize, &'static Core)>, postings: Vec<u64>) -> WordingIndex {
        let size = (2 * postings.len()).next_power_of_two().max(16);
        let longest = cores.iter().map(|(_, c)| c.chars).max().unwrap_or(0);
        let mut index = WordingIndex {
            cores,
            postings,
            runs: vec![(0, 0, 0); size],
            longest,
        };
        let mut from = 0;
        for run in index.postings.chunk_by(|a, b| a >> 22 == b >> 22) {
            let k = index.slot(run[0] >> 22);
            index.runs[k] = (run[0] >> 22, from as u32, (from + run.len()) as u32);
            from += run.len();
        }
        index
    }

    /// The slot of a bigram: its own, or the empty one where it would go.
    fn slot(&self, gram: u64) -> usize {
        let mask = self.runs.len() - 1;
        let bits = self.runs.len().trailing_zeros();
        let mut k = (gram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while self.runs[k].0 != 0 && self.runs[k].0 != gram {
            k = (k + 1) & mask;
        }
        k
    }

    /// Whether a label of `chars` characters (two or more) is too long for any wording's
    /// bigrams to reach `min` with it (a paragraph taken for a label): only [`text_match`]
    /// can score it. One no longer than the longest wording may reach a wording of its own
    /// length (the Dice bound of as many bigrams is 1), and is not looked at further.
    pub fn past_bigrams(&self, chars: usize, min: f64) -> bool {
        let grams = |n: usize| n.saturating_sub(1);
        chars > self.longest
            && (0..=self.longest).all(|w| !may_reach(chars, grams(chars), w, grams(w), min))
    }

    /// The postings of a bigram.
    fn postings_of(&self, gram: u64) -> &[u64] {
        match self.runs[self.slot(gram)] {
            (g, from, to) if g == gram && g != 0 => &self.postings[from as usize..to as usize],
            _ => &[],
        }
    }

    /// The wordings sharing bigrams with `label`, and how many (with multiplicity, as
    /// [`similarity`] counts them), in `cores` order.
    pub fn sharing(&self, label: &Core) -> Vec<(usize, usize)> {
        let mut common = vec![0usize; self.cores.len()];
        for run in label.grams.chunk_by(|a, b| a == b) {
            for &p in self.postings_of(run[0]) {
                let (n, count) = ((p >> 10) as usize & 0xFFF, p as usize & 0x3FF);
                common[n] += count.min(run.len());
            }
        }
        common
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .collect()
    }
}

pub fn wording_index() -> &'static WordingIndex {
    static INDEX: std::sync::OnceLock<WordingIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let cores: Vec<(usize, &'static Core)> = wording_cores()
            .iter()
            .enumerate()
            .flat_map(|(i, ws)| ws.iter().map(move |w| (i, w)))
            .collect();
        let mut postings: Vec<u64> = cores
            .iter()
            .enumerate()
            .flat_map(|(n, (_, w))| {
                w.grams.chunk_by(|a, b| a == b).map(move |run| {
                    (run[0] << 22) | ((n as u64 & 0xFFF) << 10) | (run.len() as u64).min(0x3FF)
                })
            })
            .collect();
        postings.sort_unstable();
        WordingIndex::new(cores, postings)
    })
}

/// Bigrams the two sorted lists share (with multiplicity), for the Dice coefficient, which
/// tolerates one wrong or missing character.
fn common_grams(ga: &[u64], gb: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    common
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_unit_glued_after_a_count_is_no_part_of_its_core() {
        assert_eq!(core("(2)同意公开答复数件"), core("2.同意公开答复数"));
        assert_eq!(core("(三)接受培训人员数人次"), "接受培训人员数");
        // only after a count: a wording's own last character stays
        assert_eq!(core("规范性文件"), "规范性文件");
        assert_eq!(core("本年制发件数"), "本年制发件数");
    }

    use super::*;

    /// A label's core copied a run at a time is the core made a character at a time.
    #[test]
    fn a_core_copied_by_runs_is_the_core_made_char_by_char() {
        let by_chars = |label: &str| -> String {
            let s: String = label
                .chars()
                .filter_map(crate::normalize::normalize_char)
                .filter(|c| !c.is_whitespace() && *c != '|')
                .collect();
            let mut out = String::new();
            let mut depth = 0usize;
            for c in s.chars() {
                match c {
                    '(' | '（' => depth += 1,
                    ')' | '）' if depth > 0 => depth -= 1,
                    _ if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            if out.is_empty() {
                s
            } else {
                out
            }
        };
        for label in [
            "其中：主要负责同志参加新闻发布会次数",
            "收到申请数（件） | 本年新收\u{3000}",
            "a)b(c(d)e)f)g（h",
            "（全部在括号里）",
            "ＡＢ\u{200B}Ｃ 办理 〔２０２０〕",
            "",
        ] {
            assert_eq!(
                remove_parenthesised(&normalized_without_spaces(label)),
                by_chars(label),
                "{label}"
            );
        }
    }

    #[test]
    fn core_strips_numbering_notes_and_qizhong() {
        assert_eq!(
            core("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)"),
            "主动公开政府信息数"
        );
        assert_eq!(core("其中:主动公开规范性文件数"), "主动公开规范性文件数");
        assert_eq!(core("四、行政复议数量"), "行政复议数量");
        assert_eq!(
            core(" 1.专职人员数(不包括政府公报及政府网站工作人员数)"),
            "专职人员数"
        );
        assert_eq!(
            core("1、本机关不掌握相关政府信息"),
            "本机关不掌握相关政府信息"
        );
    }

    #[test]
    fn similarity_prefers_exact_then_containment() {
        assert_eq!(similarity("申请办结数", "申请办结数"), 1.0);
        assert!(similarity("不予公开1.属于国家秘密", "属于国家秘密") > 0.9);
        assert!(similarity("其他法律行政止公开", "其他法律行政法规禁止公开") > 0.6);
        assert!(similarity("申请情况", "收到申请数") < 0.5);
    }

    #[test]
    fn ids_are_unique_and_relations_name_known_indicators() {
        let ids: Vec<&str> = indicators().map(|i| i.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "duplicate indicator id");
        let known = |id: &str| ids.contains(&id);
        for r in relations() {
            let names: Vec<&str> = match r {
                Relation::Sum { total, parts, .. } => std::iter::once(*total)
                    .chain(parts.iter().copied())
                    .collect(),
                Relation::AtMost { part, whole, .. } => vec![*part, *whole],
                Relation::AtMostSum { whole, parts, .. } => std::iter::once(*whole)
                    .chain(parts.iter().copied())
                    .collect(),
                Relation::Balance { plus, equals, .. } => {
                    plus.iter().chain(equals).copied().collect()
                }
            };
            for n in names {
                assert!(known(n), "relation names unknown indicator {n}");
            }
        }
    }
}
