//! Converting another agency's index (SDI, SJIG, EPSS, IKASANDI) into a
//! Pemdi indicator value: linear inside each band, band edges onto the
//! framework's predicate edges.

use rust_decimal::Decimal;

use crate::catalog::Framework;
use crate::error::{Error, Result};
use crate::text::Text;
use crate::tr;

/// One external index value turned into an indicator value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalConversion {
    /// Index key (`sdi`).
    pub key: String,
    /// The indicator it scores.
    pub indicator: u32,
    /// The index value given.
    pub index_value: Decimal,
    /// The indicator value it converts to.
    pub value: Decimal,
    /// Where it was given: `--external` or the file.
    pub given_in: &'static str,
}

/// Parses `sdi=68.75,sjig=2.1` from the command line or the web form: `;`
/// or `,` between keys, a decimal comma or point in the values.
pub fn parse_arg(s: &str) -> Result<Vec<(String, Decimal)>> {
    let mut out = Vec::new();
    // A decimal comma (`sdi=68,75`, as the file form writes it): a piece
    // without `=` that is all digits continues the value before it.
    let mut parts: Vec<String> = Vec::new();
    for piece in s.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        match parts.last_mut() {
            Some(last)
                if !piece.contains('=')
                    && piece.chars().all(|c| c.is_ascii_digit())
                    && last.contains('=')
                    && !last.contains(['.', ',']) =>
            {
                last.push(',');
                last.push_str(piece);
            }
            _ => parts.push(piece.to_string()),
        }
    }
    for part in parts.iter().map(String::as_str) {
        let Some((k, v)) = part.split_once('=') else {
            return Err(Error::usage(tr!(
                "--external `{}` harus berbentuk kunci=nilai",
                "--external `{}` must be key=value",
                part
            ))
            .expected(tr!(
                "sdi=68,75,sjig=2,1,epss=3,2",
                "sdi=68.75,sjig=2.1,epss=3.2"
            )));
        };
        let d = crate::decimal::parse(v).ok_or_else(|| {
            Error::usage(tr!(
                "--external {}: `{}` bukan angka",
                "--external {}: `{}` is not a number",
                k.trim(),
                v.trim()
            ))
        })?;
        let key = k.trim().to_ascii_lowercase();
        // `sdi=1,sdi=2`: neither silently wins.
        if out.iter().any(|(seen, _)| *seen == key) {
            return Err(Error::usage(tr!(
                "--external: `{}` diberikan dua kali",
                "--external: `{}` is given twice",
                key
            ))
            .expected(tr!(
                "sdi=68,75,sjig=2,1,epss=3,2",
                "sdi=68.75,sjig=2.1,epss=3.2"
            ))
            .with_hint(tr!(
                "berikan setiap indeks sekali saja",
                "give each index once"
            )));
        }
        out.push((key, d));
    }
    Ok(out)
}

/// Checks and converts one external value for `fw`.
pub fn convert_for(
    fw: &Framework,
    key: &str,
    x: Decimal,
    given_in: &'static str,
) -> Result<ExternalConversion> {
    let keys: Vec<&str> = fw.external_indices.iter().map(|e| e.key.as_str()).collect();
    let ext = fw.external_index(key).ok_or_else(|| {
        Error::usage(tr!(
            "{} tidak punya indeks eksternal `{}`",
            "{} has no external index `{}`",
            fw.id,
            key
        ))
        .expected(Text::same(if keys.is_empty() {
            "-".to_string()
        } else {
            keys.join(", ")
        }))
    })?;
    if ext.edges.is_none() {
        return Err(Error::usage(tr!(
            "pita konversi {} belum diketahui; isi nilai indikator {}:{} (1-5) secara langsung",
            "the conversion bands of {} are not known; give the value of indicator {}:{} (1-5) directly",
            ext.name,
            fw.id,
            ext.indicator
        )));
    }
    let value = ext.convert(x).ok_or_else(|| {
        Error::usage(tr!(
            "nilai {} = {} di luar skala indeksnya ({} sampai {})",
            "{} = {} is outside the index's scale ({} to {})",
            ext.key,
            crate::decimal::exact(x),
            ext.min.map(crate::decimal::exact).unwrap_or_default(),
            ext.max.map(crate::decimal::exact).unwrap_or_default()
        ))
    })?;
    Ok(ExternalConversion {
        key: ext.key.clone(),
        indicator: ext.indicator,
        index_value: x,
        value,
        given_in,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_arg;

    /// As people type them, on the command line and in the web form.
    #[test]
    fn external_values_are_read_as_people_type_them() {
        let two = vec![
            ("sdi".to_string(), "68.75".parse().unwrap()),
            ("sjig".to_string(), "2.1".parse().unwrap()),
        ];
        for typed in [
            "sdi=68,75; sjig=2,1",
            "sdi=68,75, sjig=2,1",
            "sdi=68.75,sjig=2.1",
            "sdi=68,75;sjig=2,1",
        ] {
            assert_eq!(parse_arg(typed).unwrap(), two, "{typed}");
        }
        assert_eq!(
            parse_arg(" sdi = 25 ;").unwrap(),
            vec![("sdi".to_string(), "25".parse().unwrap())]
        );
    }
}
