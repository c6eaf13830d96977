//! The `spbe-pemdi` command: a thin binary over the library.

/// A faster allocator than the system's for the many small allocations of
/// reading and converting assessments (batch runs are allocation-bound).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Whether standard output was closed when the process started, seen
/// before the Rust runtime reopens a closed descriptor on `/dev/null`
/// (Linux runs `.init_array` functions before `main`).
#[cfg(target_os = "linux")]
mod stdout_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    unsafe extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }

    extern "C" fn record() {
        const F_GETFD: i32 = 1;
        // SAFETY: F_GETFD only reads the descriptor's flags; -1 means the
        // descriptor is not open.
        let closed = unsafe { fcntl(1, F_GETFD) } == -1;
        CLOSED.store(closed, Ordering::Relaxed);
    }

    #[used]
    #[unsafe(link_section = ".init_array")]
    static RECORD: extern "C" fn() = record;

    pub fn closed() -> Option<bool> {
        Some(CLOSED.load(Ordering::Relaxed))
    }
}

#[cfg(not(target_os = "linux"))]
mod stdout_at_start {
    pub fn closed() -> Option<bool> {
        None
    }
}

fn main() {
    if let Some(closed) = stdout_at_start::closed() {
        spbe_pemdi::cli::stdout_closed_at_start(closed);
    }
    std::process::exit(spbe_pemdi::cli::main());
}
