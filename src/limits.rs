//! The limits on what is read, in one place. Every reader checks them
//! before it allocates, so that no input of any size or shape makes a
//! command allocate past them (README: "Limits").
//!
//! An assessment is one agency's answers: about fifty rows of a few
//! columns, a few hundred kilobytes with long justifications. The limits
//! are generous for that and small enough for a phone-sized machine.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::tr;

/// Largest input file read (assessment, draft, crosswalk given by path).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Largest data file (`--data DIR`: catalogs, crosswalks). The shipped
/// ones are below 200 KB.
pub const MAX_DATA_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Largest total size of a spreadsheet's parts once decompressed
/// (a zip bomb is refused before calamine reads it).
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// Most rows read from one sheet or CSV file (rows holding something).
pub const MAX_ROWS: usize = 5_000;

/// Most columns of a row (Excel's own limit, column `XFD`).
pub const MAX_COLUMNS: usize = 16_384;

/// Most cells held for one sheet or CSV file, counting the empty cells
/// before the last filled one of each row.
pub const MAX_CELLS: usize = 1_000_000;

/// Most text held for the cells of one sheet, in bytes (a short shared
/// string referenced by a million cells would otherwise be copied into
/// each).
pub const MAX_TABLE_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Longest text of one cell or JSON string, in characters (Excel's own
/// limit for a cell).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Reads the regular file `path` of at most `max` bytes. A FIFO, a device
/// or a folder is refused before it is opened (a FIFO would block, a
/// device never end); a file growing past `max` meanwhile is cut off just
/// past it and refused.
pub fn read_file(path: &Path, max: usize) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::read(path, &e))?;
    if meta.is_dir() {
        return Err(Error::input(
            path,
            tr!("ini folder, bukan berkas", "this is a folder, not a file"),
        ));
    }
    if !meta.is_file() {
        return Err(not_regular(path));
    }
    if meta.len() > max as u64 {
        return Err(too_large(path, meta.len(), max));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::read(path, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(path, &e))?;
    if bytes.len() > max {
        return Err(too_large(path, bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// Reads the regular UTF-8 text file `path` of at most `max` bytes.
pub fn read_text_file(path: &Path, max: usize) -> Result<String> {
    let bytes = read_file(path, max)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = crate::error::line_col_of(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        Error::input(
            path,
            tr!("berkas ini bukan teks UTF-8", "this file is not UTF-8 text"),
        )
        .at(crate::error::Place::line_col(line, col))
        .with_hint(tr!(
            "simpan ulang berkas sebagai UTF-8",
            "save the file again as UTF-8"
        ))
    })
}

/// A FIFO, socket or device where a file was expected.
pub fn not_regular(path: impl AsRef<Path>) -> Error {
    Error::input(
        path.as_ref(),
        tr!(
            "ini bukan berkas biasa (pipa, soket atau perangkat)",
            "this is not a regular file (a pipe, socket or device)"
        ),
    )
    .with_hint(tr!(
        "berikan berkas biasa; salin dulu isinya ke sebuah berkas",
        "give a regular file; copy its contents into a file first"
    ))
}

/// A file past `max` bytes.
pub fn too_large(path: impl AsRef<Path>, len: u64, max: usize) -> Error {
    Error::input(
        path.as_ref(),
        tr!(
            "berkas terlalu besar ({} bita)",
            "the file is too large ({} bytes)",
            len
        ),
    )
    .expected(tr!(
        "paling besar {} MiB",
        "at most {} MiB",
        max / (1024 * 1024)
    ))
    .with_hint(tr!(
        "hapus lembar dan gambar yang tidak perlu, atau ekspor sebagai CSV",
        "remove unneeded sheets and images, or export as CSV"
    ))
}

/// A table past [`MAX_ROWS`], [`MAX_COLUMNS`] or [`MAX_CELLS`].
pub fn table_too_large(file: &str, what: crate::text::Text) -> Error {
    let en = what.en.as_deref().unwrap_or(&what.id);
    Error::input(
        file,
        crate::text::Text::new(
            format!("tabel terlalu besar untuk sebuah penilaian: {}", what.id),
            format!("the table is too large for an assessment: {en}"),
        ),
    )
    .expected(tr!(
        "paling banyak {} baris, {} kolom dan {} sel",
        "at most {} rows, {} columns and {} cells",
        MAX_ROWS,
        MAX_COLUMNS,
        MAX_CELLS
    ))
    .with_hint(tr!(
        "hapus baris dan kolom yang tidak perlu (juga sel kosong yang diformat jauh di bawah atau di kanan)",
        "delete unneeded rows and columns (also formatted empty cells far below or to the right)"
    ))
}

/// A text past [`MAX_CELL_CHARS`].
pub fn text_too_long(file: &str, chars: usize) -> Error {
    Error::input(
        file,
        tr!(
            "teks terlalu panjang ({} karakter)",
            "a text is too long ({} characters)",
            chars
        ),
    )
    .expected(tr!(
        "paling banyak {} karakter per sel",
        "at most {} characters per cell",
        MAX_CELL_CHARS
    ))
    .with_hint(tr!(
        "ringkas teksnya; lampirkan dokumen panjang sebagai data dukung",
        "shorten the text; attach long documents as evidence"
    ))
}

/// Whether `s` is longer than [`MAX_CELL_CHARS`] characters (counted only
/// when its bytes could be).
pub fn too_long(s: &str) -> bool {
    s.len() > MAX_CELL_CHARS && s.chars().count() > MAX_CELL_CHARS
}
