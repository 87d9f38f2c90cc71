//! Benchmark driver for `make bench` (bench/run.sh calls it; not part of `make test`).
//!
//! Each subcommand prints one line of `key=value` pairs for the script to put in a table.
//! Inputs of a given shape are generated here so that every run measures the same texts.

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match arg(0) {
        "throughput" => throughput(&corpus(arg(1)), arg(2).parse().unwrap_or(50)),
        "warm" => warm(&corpus(arg(1))),
        "shape" => shape(arg(1), arg(2).parse().unwrap_or(1), &corpus(arg(3))),
        "gen-batch" => gen_batch(
            Path::new(arg(1)),
            arg(2).parse().unwrap_or(10_000),
            &corpus(arg(3)),
        ),
        "write-shape" => {
            let text = generate(
                arg(1),
                arg(2).parse::<usize>().unwrap_or(1) << 20,
                &corpus(arg(3)),
            );
            std::fs::write(arg(4), text).expect("writable output");
        }
        _ => {
            eprintln!("usage: bench throughput|warm|shape|gen-batch|write-shape …");
            std::process::exit(2);
        }
    }
}

/// The corpus texts: every `*.txt` in the directory, sorted by name.
fn corpus(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(&p).expect("UTF-8 corpus file"),
            )
        })
        .collect()
}

/// Checks the corpus texts over and over until `min_mb` MB have been read: steady throughput.
fn throughput(texts: &[(String, String)], min_mb: usize) {
    for (_, t) in texts {
        nianbao::check(t); // prepare the template schema first
    }
    let goal = min_mb << 20;
    let (mut bytes, mut checks) = (0usize, 0usize);
    let start = Instant::now();
    while bytes < goal {
        for (_, t) in texts {
            std::hint::black_box(nianbao::check(t));
            bytes += t.len();
            checks += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "mb={:.1} checks={checks} secs={secs:.3} mb_per_s={:.2}",
        bytes as f64 / (1 << 20) as f64,
        bytes as f64 / (1 << 20) as f64 / secs
    );
}

/// First and warm (median of 30) time per report, in milliseconds.
fn warm(texts: &[(String, String)]) {
    for (name, t) in texts {
        let first = time_ms(|| nianbao::check(t));
        let mut runs: Vec<f64> = (0..30).map(|_| time_ms(|| nianbao::check(t))).collect();
        runs.sort_by(f64::total_cmp);
        println!(
            "file={name} bytes={} first_ms={first:.3} warm_ms={:.3} min_ms={:.3}",
            t.len(),
            runs[runs.len() / 2],
            runs[0]
        );
    }
}

fn time_ms<T>(f: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed().as_secs_f64() * 1e3
}

/// One generated input of `mb` MB: the time to check it (best of three), what came out, and the peak memory
/// of this process (run one shape per process so the peak is this input's).
fn shape(name: &str, mb: usize, texts: &[(String, String)]) {
    nianbao::check("某区2017年政府信息公开工作年度报告\n"); // one-time set-up is not the input's
    let start_kb = peak_kb();
    let text = generate(name, mb << 20, texts);
    let before = peak_kb();
    // the fastest of three: on a shared machine the slower runs measure the neighbours
    // the peak is read after the first run: later ones would add the allocator's leftovers
    let mut secs = f64::MAX;
    let mut peak = 0;
    let mut report = None;
    for run in 0..3 {
        let start = Instant::now();
        let r = nianbao::check(&text);
        secs = secs.min(start.elapsed().as_secs_f64());
        if run == 0 {
            peak = peak_kb();
        }
        report = Some(r);
    }
    let report = report.expect("three runs");
    let truncated = report.findings.iter().any(|f| f.code == "input-truncated");
    println!(
        "shape={name} mb={mb} bytes={} secs={secs:.3} cells={} findings={} facts={} truncated={truncated} start_kb={start_kb} after_input_kb={before} peak_kb={}",
        text.len(),
        report.cells.len(),
        report.findings.len(),
        report.facts.len(),
        peak
    );
}

/// The kinds of input the checker must stay linear on, `len` bytes each (at most a line more).
fn generate(name: &str, len: usize, texts: &[(String, String)]) -> String {
    let mut out = String::with_capacity(len + 4096);
    let mut fill = |piece: &dyn Fn(usize) -> String| {
        let mut i = 0;
        while out.len() < len {
            out.push_str(&piece(i));
            i += 1;
        }
    };
    match name {
        // whole reports one after another: many tables, much prose
        "reports" => fill(&|i| texts[i % texts.len()].1.clone() + "\n"),
        // one line without a break, as from a PDF dump that lost its line ends
        "one-line" => fill(&|i| format!("统计指标 {} 件 收到申请数 ", i % 97)),
        // a million separator lines
        "pipes" => fill(&|_| "|\n".to_string()),
        // header words only: once made rebuilding rows quadratic
        "header-words" => fill(&|i| ["统计指标\n", "单位\n", "统计数\n"][i % 3].to_string()),
        // label lines of one endless label with numbering marks
        "labels" => fill(&|i| format!("({})收到申请数\n", i % 10)),
        // one table row with a million tab-separated cells
        "tabs" => fill(&|i| format!("{}\t", i % 10)),
        // random bytes of every script, as from a binary file read as text
        "noise" => fill(&|i| noise(i)),
        other => panic!("unknown shape {other}"),
    }
    out
}

/// A deterministic line of mixed characters: Han, digits, punctuation, separators.
fn noise(i: usize) -> String {
    const ALPHABET: &[&str] = &[
        "年", "报", "收", "到", "申", "请", "数", "件", "条", "(一)", "一、", "1.", "0", "7", "12",
        "|", "\t", " ", "　", "，", "。", "%", "-", "—", "/", "无", "总计", "😀", "\n",
    ];
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..40)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ALPHABET[(x % ALPHABET.len() as u64) as usize]
        })
        .collect()
}

/// Peak resident memory of this process so far, in KB (Linux).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// `n` report files made from the corpus with their figures changed, as a city's reports
/// would differ, written as DIR/NNNNN.txt.
fn gen_batch(dir: &Path, n: usize, texts: &[(String, String)]) {
    std::fs::create_dir_all(dir).expect("batch directory");
    let mut bytes = 0;
    for i in 0..n {
        let base = &texts[i % texts.len()].1;
        let text = vary_digits(base, i);
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("writable batch file");
    }
    println!("files={n} mb={:.1}", bytes as f64 / (1 << 20) as f64);
}

/// Every 7th digit replaced by another, depending on `seed`: same layout, other figures.
fn vary_digits(text: &str, seed: usize) -> String {
    let mut k = seed;
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                k = k.wrapping_mul(31).wrapping_add(7);
                if k.is_multiple_of(7) {
                    return char::from(b'0' + (k / 7 % 10) as u8);
                }
            }
            c
        })
        .collect()
}
