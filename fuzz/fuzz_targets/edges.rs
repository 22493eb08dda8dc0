#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| personamap_fuzz::edges(data));
