//! `--crosswalk` pins are never ignored: a converter is made only when
//! every pin is on the path it takes.

use crate::convert::{ConvertOptions, Converter};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::tr;

/// The converter for `from` along the options' path ([`Converter::new`]);
/// a `--crosswalk` pin that the path does not use is a usage error naming
/// the pin and the path.
pub fn pinned<'a>(data: &'a Data, from: &str, opts: &ConvertOptions) -> Result<Converter<'a>> {
    let c = Converter::new(data, from, opts)?;
    for pin in &opts.pins {
        let on_path = c
            .path()
            .iter()
            .any(|h| h.split('@').next() == Some(pin.id.as_str()));
        if !on_path {
            return Err(Error::usage(tr!(
                "crosswalk {} yang disematkan dengan --crosswalk tidak ada di jalur {} → {} ({})",
                "the crosswalk {} pinned with --crosswalk is not on the path {} → {} ({})",
                pin.id,
                from,
                c.target().id,
                c.path().join(", ")
            ))
            .with_hint(tr!(
                "hapus --crosswalk, atau pilih jalur yang memakainya dengan --via",
                "remove --crosswalk, or choose a path that uses it with --via"
            )));
        }
    }
    Ok(c)
}
