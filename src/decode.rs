//! Bytes of a file to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030,
//! which many Windows exports use. Binary files are refused with a reason in Chinese.

/// The text and the name of the encoding it was read as.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("文件为空，没有可检查的内容".into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, "UTF-8");
    }
    if let Some(text) = utf16_with_bom(bytes) {
        return Ok(text);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), "UTF-8");
    }
    legacy(bytes)
}

fn utf8(bytes: &[u8], name: &'static str) -> Result<Decoded, String> {
    match std::str::from_utf8(bytes) {
        Ok(t) => checked(t.to_string(), name),
        Err(_) => legacy(bytes),
    }
}

fn utf16_with_bom(bytes: &[u8]) -> Option<Decoded> {
    let (le, name) = match bytes.get(..2)? {
        [0xFF, 0xFE] => (true, "UTF-16LE"),
        [0xFE, 0xFF] => (false, "UTF-16BE"),
        _ => return None,
    };
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Some(Decoded {
        text: String::from_utf16_lossy(&units),
        encoding: name,
    })
}

/// Bytes that are neither UTF-8 nor GB18030.
pub const UNKNOWN_ENCODING: &str =
    "无法识别文件编码：既不是 UTF-8 也不是 GB18030（GBK），可能是二进制文件";

#[cfg(not(target_arch = "wasm32"))]
fn legacy(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(UNKNOWN_ENCODING.into());
    }
    checked(text.into_owned(), "GB18030")
}

#[cfg(target_arch = "wasm32")]
fn legacy(_bytes: &[u8]) -> Result<Decoded, String> {
    Err("文件不是 UTF-8 编码；请在页面中打开文件，由浏览器识别 GB18030（GBK）编码".into())
}

/// Text full of control characters is a binary file that happened to decode.
pub fn checked(text: String, encoding: &'static str) -> Result<Decoded, String> {
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) || text.contains('\0') {
        return Err("这看起来是二进制文件（如 Word、PDF 或图片），不是文本；请复制报告文字后粘贴，或另存为 .txt".into());
    }
    if text.trim().is_empty() {
        return Err("文件只有空白，没有可检查的内容".into());
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("年报".as_bytes()).unwrap().text, "年报");
        let d = decode(b"\xEF\xBB\xBF\xE5\xB9\xB4").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("年", "UTF-8"));
    }

    #[test]
    fn falls_back_to_gb18030() {
        // "年度报告" in GBK
        let d = decode(&[0xC4, 0xEA, 0xB6, 0xC8, 0xB1, 0xA8, 0xB8, 0xE6]).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("年度报告", "GB18030"));
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(decode(b"").is_err());
        assert!(decode(b"PK\x03\x04\x00\x00\x08\x00binary\x00\x01\x02").is_err());
        assert!(decode(b"   \n ").is_err());
    }

    #[test]
    fn reads_utf16_with_bom() {
        let d = decode(&[0xFF, 0xFE, 0x74, 0x5E]).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("年", "UTF-16LE"));
    }
}
