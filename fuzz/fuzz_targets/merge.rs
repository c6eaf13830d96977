#![no_main]
//! `cargo +nightly fuzz run merge`: see README, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| spbe_pemdi::fuzzing::merge(data));
