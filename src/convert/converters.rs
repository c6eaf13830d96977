//! One converter per source framework, each made on first use: a batch
//! or the web page converts many files from a few frameworks, and making a
//! converter (finding the path, loading its crosswalks) is done once.

use std::sync::OnceLock;

use crate::convert::{ConvertOptions, Converter, pinned};
use crate::data::Data;
use crate::error::{Error, Result};
use crate::tr;

/// The converters of a data set's frameworks with the same options.
pub struct Converters<'a> {
    data: &'a Data,
    opts: ConvertOptions,
    /// One slot per framework of the catalog, in catalog order.
    slots: Vec<OnceLock<Result<Converter<'a>>>>,
}

impl<'a> Converters<'a> {
    /// No converter made yet; each is made by [`pinned`] with `opts`.
    pub fn new(data: &'a Data, opts: ConvertOptions) -> Converters<'a> {
        Converters {
            data,
            opts,
            slots: data
                .catalog
                .frameworks
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The converter of `from` assessments (made now if it is the first).
    pub fn get(&self, from: &str) -> Result<&Converter<'a>> {
        let catalog = &self.data.catalog;
        let i = catalog
            .frameworks
            .iter()
            .position(|f| f.id == from)
            .ok_or_else(|| {
                catalog.require(from).err().unwrap_or_else(|| {
                    Error::usage(tr!(
                        "framework {} tidak dikenal",
                        "unknown framework {}",
                        from
                    ))
                })
            })?;
        self.slots[i]
            .get_or_init(|| pinned(self.data, from, &self.opts))
            .as_ref()
            .map_err(Clone::clone)
    }
}
