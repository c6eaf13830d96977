#![no_main]
//! `cargo +nightly fuzz run catalog`: see README, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| spbe_pemdi::fuzzing::catalog(data));
