//! The `spbe-pemdi` command: a thin binary over the library.

fn main() {
    std::process::exit(spbe_pemdi::cli::main());
}
