//! Batch checking for the command line: which files a list of paths names, and checking them
//! on every core with a bug in one file kept from stopping the others.
//!
//! Part of the `nianbao` binary only: the library stays free of I/O and threads, so that the
//! same core runs in the browser.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// One thing to check: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A directory entry that could not be listed, kept so that the summary names it.
    Unlisted(PathBuf, String),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Unlisted(p, _) => p.to_string_lossy().into_owned(),
        }
    }
}

/// The inputs a command line names: `-`, files as given, and the report files under each
/// directory, recursively and sorted so that every run lists them in the same order.
pub fn expand(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p == "-" {
            out.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort_by_key(Input::name);
            out.extend(found);
        } else {
            out.push(Input::File(path.to_path_buf()));
        }
    }
    out
}

/// Symbolic links to directories are not followed, so a link loop cannot make the walk endless.
fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Input::Unlisted(
                dir.to_path_buf(),
                format!("无法读取目录：{e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(&path, out);
            }
        } else if is_report_file(&path) {
            out.push(Input::File(path));
        }
    }
}

/// Extensions a directory's reports may have. `.doc`, `.wps` and `.pdf` are listed too, so that
/// the summary names each one the checker cannot read, with what to do instead.
const REPORT_EXTENSIONS: &[&str] = &["txt", "html", "htm", "docx", "doc", "wps", "pdf"];

fn is_report_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Runs `f`; a panic becomes `Err` with its message instead of ending the program.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "未知错误".to_string())
    })
}

/// Keeps the default panic report (a message and a backtrace hint on stderr) out of a batch:
/// a panic inside [`guarded`] is reported once, as that file's result.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Applies `work` to every item on `jobs` threads, and hands the results to `emit` in the
/// items' order as soon as each one and all before it are done: output streams, and memory
/// holds only results that wait for a slower earlier item.
pub fn run_ordered<I: Sync, T: Send>(
    items: &[I],
    jobs: usize,
    work: impl Fn(&I) -> T + Sync,
    mut emit: impl FnMut(usize, T),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                if tx.send((i, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(r) = waiting.remove(&due) {
                emit(due, r);
                due += 1;
            }
        }
    });
}

/// Worker threads to use: `--jobs`, else one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        run_ordered(
            &items,
            4,
            |&n| {
                // later items finish first
                std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                n * 2
            },
            |i, r| seen.push((i, r)),
        );
        let expected: Vec<(usize, u64)> = (0..200).map(|n| (n as usize, n * 2)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_panic_in_one_item_leaves_the_others_checked() {
        quiet_panics();
        let items = ["a", "boom", "c"];
        let mut out = Vec::new();
        run_ordered(
            &items,
            2,
            |s| {
                guarded(|| {
                    assert!(*s != "boom", "bad input {s}");
                    s.to_uppercase()
                })
            },
            |_, r| out.push(r),
        );
        let _ = std::panic::take_hook();
        assert_eq!(out[0], Ok("A".to_string()));
        assert_eq!(out[1], Err("bad input boom".to_string()));
        assert_eq!(out[2], Ok("C".to_string()));
    }

    #[test]
    fn directories_give_their_report_files_sorted() {
        let root = std::env::temp_dir().join(format!("nianbao-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("b/inner")).unwrap();
        for f in [
            "b/2.txt",
            "b/inner/1.TXT",
            "a.txt",
            "b/p.HTM",
            "b/skip.md",
            "c.docx",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let arg = root.to_string_lossy().into_owned();
        let names: Vec<String> = expand(&[arg, "-".into()])
            .iter()
            .map(|i| i.name().replace(&*root.to_string_lossy(), ""))
            .collect();
        assert_eq!(
            names,
            [
                "/a.txt",
                "/b/2.txt",
                "/b/inner/1.TXT",
                "/b/p.HTM",
                "/c.docx",
                "-"
            ]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
