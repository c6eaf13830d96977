//! Duplicate keys in JSON. `serde_json` keeps the last of two equal keys
//! and says nothing: a second `answers` array would drop the first. One
//! pass over the text finds the first repeated key with its place.

use std::cell::RefCell;
use std::collections::HashSet;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Place, Result, line_text};
use crate::tr;

/// Refuses `text` (JSON, read from `file`) when an object in it repeats a
/// key. Syntax errors are left to the reader that follows.
pub fn check(file: &str, text: &str) -> Result<()> {
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let node = Node {
        found: &found,
        path: String::new(),
    };
    let Err(e) = node.deserialize(&mut de) else {
        return Ok(());
    };
    let Some(path) = found.into_inner() else {
        return Ok(());
    };
    let (line, col) = (e.line() as u64, e.column() as u64);
    let mut err = Error::input(
        file,
        tr!(
            "kunci `{}` muncul dua kali",
            "the key `{}` appears twice",
            path
        ),
    )
    .with_hint(tr!(
        "sisakan satu saja: yang kedua akan menggantikan yang pertama tanpa pemberitahuan",
        "keep only one: the second would silently replace the first"
    ));
    if line > 0 {
        err = err.at(Place::line_col(line, col));
        if let Some(l) = line_text(text, line) {
            err = err.with_snippet(l);
        }
    }
    Err(err)
}

/// Whether `text` has a repeated key (or is not JSON).
pub fn has_any(text: &str) -> bool {
    check("", text).is_err()
}

/// A value at `path`; `found` gets the path of the first repeated key.
struct Node<'a> {
    found: &'a RefCell<Option<String>>,
    path: String,
}

impl Node<'_> {
    fn child(&self, part: std::fmt::Arguments<'_>) -> Self {
        let path = if self.path.is_empty() {
            part.to_string().trim_start_matches('.').to_string()
        } else {
            format!("{}{part}", self.path)
        };
        Node {
            found: self.found,
            path,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let mut i = 0usize;
        while seq
            .next_element_seed(self.child(format_args!("[{i}]")))?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let child = self.child(format_args!(".{key}"));
            if !keys.insert(key) {
                *self.found.borrow_mut() = Some(child.path);
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(child)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_found_with_their_path_and_line() {
        let e = check(
            "a.json",
            "{\"answers\": [],\n \"answers\": [{\"indicator\": \"1\"}]}",
        )
        .unwrap_err();
        assert_eq!(
            e.message.get(crate::Lang::En),
            "the key `answers` appears twice"
        );
        assert!(matches!(e.place, Some(Place::Line { line: 2, .. })));
        let e = check("a.json", r#"{"answers": [{"value": 3, "value": 4}]}"#).unwrap_err();
        assert_eq!(
            e.message.get(crate::Lang::En),
            "the key `answers[0].value` appears twice"
        );
        assert!(check("a.json", r#"{"a": {"b": 1}, "c": {"b": 2}, "d": [1, {}]}"#).is_ok());
        assert!(check("a.json", "{not json").is_ok());
    }
}
