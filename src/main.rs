//! The `spbe-pemdi` command: a thin binary over the library.

/// A faster allocator than the system's for the many small allocations of
/// reading and converting assessments (batch runs are allocation-bound).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(spbe_pemdi::cli::main());
}
