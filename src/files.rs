//! A file as the reviewer holds it (text in any encoding, a saved web page, a Word .docx) to
//! the text shown and the exact tables, for [`crate::check_with_tables`]. What cannot be read
//! (a scanned PDF, an old .doc, a broken zip) gets a Chinese message saying what to do.

use crate::merged::Grid;
use crate::{docx, html, pdf};

/// What a file gave: the text a person reads (spans point into it), its tables read exactly,
/// and how it was read.
#[derive(Debug)]
pub struct Opened {
    pub text: String,
    pub tables: Vec<Grid>,
    /// `txt`, `html`, `docx` or `pdf`
    pub format: &'static str,
    /// The encoding of a text or page that was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// What to do instead, said wherever a file cannot be read.
const SAVE_AS: &str = "请另存为 .docx 或复制报告文字后粘贴";

/// Opens a file by what its bytes are, and by its name's extension where bytes say nothing
/// (text and web pages are both text).
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, String> {
    let ext = extension(name);
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        let p = pdf::read(bytes)?;
        return Ok(Opened {
            text: p.text,
            tables: p.tables,
            format: "pdf",
            encoding: None,
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // the compound file of .doc, .wps, .et, and of an encrypted .docx alike
        return Err("这是旧版 Word（.doc）、WPS（.wps）或加密的 Word 文件，无法直接读取；请另存为不加密的 .docx，或复制报告文字后粘贴".into());
    }
    // a zip is read as a .docx whatever its name says (a renamed .docx still opens)
    if bytes.starts_with(b"PK\x03\x04") || ext == "docx" {
        let d = docx::read(bytes)?;
        if d.text.trim().is_empty() {
            return Err(format!("Word 文件中没有文字；{SAVE_AS}"));
        }
        return Ok(Opened {
            text: d.text,
            tables: d.tables,
            format: "docx",
            encoding: None,
        });
    }
    let decoded = crate::decode::decode(bytes)?;
    let encoding = (decoded.encoding != "UTF-8").then_some(decoded.encoding);
    open_text(name, decoded.text, encoding)
}

/// A text or web page the browser decoded from a legacy encoding (GB18030: the wasm carries no
/// encoding tables; `malformed` where the browser's strict decoder refused the bytes), judged as
/// [`crate::decode`] judges what it decodes, then read as [`open`] reads it.
pub fn open_decoded(
    name: &str,
    text: String,
    encoding: &'static str,
    malformed: bool,
) -> Result<Opened, String> {
    if malformed {
        return Err(crate::decode::UNKNOWN_ENCODING.into());
    }
    let d = crate::decode::checked(text, encoding)?;
    open_text(name, d.text, Some(d.encoding))
}

/// A text or web page already decoded.
pub fn open_text(
    name: &str,
    text: String,
    encoding: Option<&'static str>,
) -> Result<Opened, String> {
    let ext = extension(name);
    if matches!(ext.as_str(), "html" | "htm") {
        let page = html::read(&text);
        if page.text.trim().is_empty() {
            return Err("网页中没有找到报告正文".into());
        }
        return Ok(Opened {
            text: page.text,
            tables: page.tables,
            format: "html",
            encoding,
        });
    }
    Ok(Opened {
        text,
        tables: Vec::new(),
        format: "txt",
        encoding,
    })
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}
