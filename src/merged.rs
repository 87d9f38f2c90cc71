//! Tables whose cells span rows and columns (a web page's `rowspan`/`colspan`, a .docx's
//! `vMerge`/`gridSpan`) to the grid the core reads, the one the page builds from the
//! clipboard (`www/tables.js`, whose rules these are).

/// Rows of cell texts, the way the core reads a row: label, then values.
pub type Grid = Vec<Vec<String>>;

/// A cell as printed: its text and how many rows and columns it covers.
pub struct Cell {
    pub text: String,
    pub rows: usize,
    pub cols: usize,
}

/// A hostile `rowspan="100000"` must not allocate a huge grid (the page's limit too).
const MAX_SPAN: usize = 200;

pub fn clamp_span(n: usize) -> usize {
    n.clamp(1, MAX_SPAN)
}

/// One placed cell: its column, its text (empty in the rows a rowspan covers below its
/// first), and how many rows it spans from here.
struct Placed {
    at: usize,
    text: String,
    rows: usize,
}

/// The grid: every real cell once, in the row where it starts; an empty string in each later
/// row its rowspan covers; the extra columns of a colspan left out; a merged group label
/// beside a data row's own label as a row of its own above it. Also the table's lines for the
/// document's text: the real cells of each row, tab-separated.
pub fn grid(rows: &[Vec<Cell>]) -> (Grid, Vec<String>) {
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); rows.len()];
    let mut placed: Vec<Vec<Placed>> = (0..rows.len()).map(|_| Vec::new()).collect();
    let mut lines = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in row {
            while taken[r].get(col).copied().unwrap_or(false) {
                col += 1;
            }
            let (rs, cs) = (clamp_span(cell.rows), clamp_span(cell.cols));
            for dr in 0..rs.min(rows.len() - r) {
                let covered = &mut taken[r + dr];
                if covered.len() < col + cs {
                    covered.resize(col + cs, false);
                }
                covered[col..col + cs].iter_mut().for_each(|t| *t = true);
                placed[r + dr].push(Placed {
                    at: col,
                    text: if dr == 0 {
                        cell.text.clone()
                    } else {
                        String::new()
                    },
                    rows: if dr == 0 { rs } else { 1 },
                });
            }
            col += cs;
        }
        let line: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
        let line = line.join("\t");
        if !line.trim().is_empty() {
            lines.push(line);
        }
    }
    let mut grid = Vec::new();
    for mut row in placed {
        row.sort_by_key(|p| p.at);
        for h in group_headings(&mut row) {
            grid.push(vec![h]);
        }
        grid.push(row.into_iter().map(|p| p.text).collect());
    }
    (grid, lines)
}

/// Takes the group labels out of a data row: merged (several rows) text cells followed by
/// another text cell before the first number. Their positions stay, empty.
fn group_headings(row: &mut [Placed]) -> Vec<String> {
    if !row.iter().any(|p| is_number(&p.text)) {
        return Vec::new();
    }
    let mut headings = Vec::new();
    let mut i = 0;
    while i + 1 < row.len() && !is_number(&row[i].text) && !is_number(&row[i + 1].text) {
        if row[i].rows > 1 && !row[i].text.is_empty() && !row[i + 1].text.is_empty() {
            headings.push(std::mem::take(&mut row[i].text));
            row[i].rows = 1;
        }
        i += 1;
    }
    headings
}

/// A cell holding a number (the page's `NUMBER` pattern).
pub fn is_number(t: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let t = t.trim_start_matches(['-', '+']);
    t.starts_with(digit) && t.chars().all(|c| digit(c) || ",，.".contains(c))
}
