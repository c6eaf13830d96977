//! Reading a form with its uploads into memory, within the size limits:
//! a file over the per-file limit, or a request over the per-request
//! limit, is refused with HTTP 413 and a plain message; the server goes on
//! serving. Nothing is written to disk.

use axum::extract::Multipart;
use axum::http::StatusCode;

use crate::text::{Lang, Text};
use crate::tr;

/// The size limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file.
    pub file: usize,
    /// Largest request (all files of a batch together).
    pub batch: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            file: 10 * 1000 * 1000,
            batch: 200 * 1000 * 1000,
        }
    }
}

/// One uploaded file.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The form field.
    pub field: String,
    /// The file's name as the browser gave it (without folders).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A form: its text fields and its files.
#[derive(Debug, Default)]
pub struct Form {
    /// Text fields, in order.
    pub fields: Vec<(String, String)>,
    /// Files, in order (empty file inputs left out).
    pub files: Vec<Upload>,
}

impl Form {
    /// The text field `name`, trimmed, when given and not empty.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The page language the form asks for (`lang`), else `default`.
    pub fn lang(&self, default: Lang) -> Lang {
        self.field("lang").and_then(Lang::parse).unwrap_or(default)
    }

    /// The files of field `name`.
    pub fn files_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Upload> + 'a {
        self.files.iter().filter(move |f| f.field == name)
    }
}

/// Why a form could not be read.
#[derive(Debug)]
pub struct Refused {
    /// HTTP status: 413 (too large) or 400.
    pub status: StatusCode,
    /// What to tell the user.
    pub message: Text,
    /// The language asked for before the refusal, when known.
    pub lang: Option<Lang>,
}

fn mb(n: usize) -> String {
    format!("{}", n / (1000 * 1000))
}

/// The refusal of a file over `limits.file`.
pub fn file_too_large(name: &str, limits: Limits) -> Text {
    tr!(
        "Berkas {} lebih besar dari {} MB dan tidak diolah. Kecilkan berkasnya (hapus lembar dan gambar yang tidak perlu, atau simpan sebagai CSV), lalu coba lagi.",
        "The file {} is larger than {} MB and was not processed. Make it smaller (remove unneeded sheets and images, or save it as CSV), then try again.",
        name,
        mb(limits.file)
    )
}

/// The refusal of a request over `limit` bytes in all.
pub fn request_too_large(limit: usize) -> Text {
    tr!(
        "Unggahan ini lebih besar dari {} MB semuanya dan tidak diolah. Kirim berkasnya dalam beberapa bagian.",
        "This upload is larger than {} MB in all and was not processed. Send the files in several parts.",
        mb(limit)
    )
}

/// Reads the whole form; `limit` is the request's limit (for the message).
pub async fn read(mut mp: Multipart, limits: Limits, limit: usize) -> Result<Form, Refused> {
    let mut form = Form::default();
    let mut total = 0usize;
    let refuse = |form: &Form, status: StatusCode, message: Text| Refused {
        status,
        message,
        lang: form.field("lang").and_then(Lang::parse),
    };
    let broken = |form: &Form, e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            refuse(
                form,
                StatusCode::PAYLOAD_TOO_LARGE,
                request_too_large(limit),
            )
        } else {
            refuse(
                form,
                StatusCode::BAD_REQUEST,
                tr!(
                    "Formulir tidak terbaca ({}). Muat ulang halaman lalu coba lagi.",
                    "The form could not be read ({}). Reload the page and try again.",
                    e.body_text()
                ),
            )
        }
    };
    loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(broken(&form, e)),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(|n| {
            // Browsers send the bare name; some older ones a whole path.
            n.rsplit(['/', '\\']).next().unwrap_or(n).to_string()
        });
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    total += chunk.len();
                    bytes.extend_from_slice(&chunk);
                    if file_name.is_some() && bytes.len() > limits.file {
                        let shown = file_name.as_deref().unwrap_or_default();
                        return Err(refuse(
                            &form,
                            StatusCode::PAYLOAD_TOO_LARGE,
                            file_too_large(shown, limits),
                        ));
                    }
                    if total > limit {
                        return Err(refuse(
                            &form,
                            StatusCode::PAYLOAD_TOO_LARGE,
                            request_too_large(limit),
                        ));
                    }
                    if file_name.is_none() && bytes.len() > 64 * 1024 {
                        return Err(refuse(
                            &form,
                            StatusCode::PAYLOAD_TOO_LARGE,
                            tr!(
                                "Isian formulir terlalu panjang.",
                                "A form field is too long."
                            ),
                        ));
                    }
                }
                Ok(None) => break,
                Err(e) => return Err(broken(&form, e)),
            }
        }
        match file_name {
            // An empty file input sends a part with no name and no bytes.
            Some(n) if n.is_empty() && bytes.is_empty() => {}
            Some(n) => form.files.push(Upload {
                field: name,
                name: n,
                bytes,
            }),
            None => form
                .fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
    }
    Ok(form)
}
