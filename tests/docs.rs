//! The documentation's pictures: every PNG under `docs/` is shown by the README or a page of
//! `docs/`, and every picture they show is there (`make screenshots` copies to `docs/` only the
//! pictures a page shows).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The Markdown pages: the README and `docs/*.md`.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![Path::new(ROOT).join("README.md")];
    for e in std::fs::read_dir(Path::new(ROOT).join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            pages.push(p);
        }
    }
    pages
}

/// The pictures a page shows (`![…](path)`), as paths from the repository's root.
fn shown(page: &Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(page).unwrap();
    let dir = page.parent().unwrap();
    text.split("![")
        .skip(1)
        .filter_map(|s| {
            let s = &s[s.find("](")? + 2..];
            Some(&s[..s.find(')')?])
        })
        .filter(|target| !target.contains("://"))
        .map(|target| dir.join(target))
        .collect()
}

#[test]
fn every_picture_in_docs_is_shown_and_every_picture_shown_is_there() {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let mut shown_all = BTreeSet::new();
    for page in pages() {
        for picture in shown(&page) {
            assert!(
                picture.exists(),
                "{} shows {}, which is missing",
                page.display(),
                picture.display()
            );
            shown_all.insert(canon(&picture));
        }
    }
    let unshown: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .filter(|p| !shown_all.contains(&canon(p)))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        unshown.is_empty(),
        "pictures in docs/ that no page shows: {unshown:?}"
    );
}
