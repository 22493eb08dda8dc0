//! `personamap`: compiles the persona spec under `personas/` into a Mintlify site's pages,
//! divider snippet, docs.json navigation and llms.txt.

mod cli_docs;
mod commands;
mod watch;

use clap::{CommandFactory as _, Parser, Subcommand};

/// mimalloc instead of the system allocator: compiling allocates many small strings and
/// trees, and glibc's malloc and free took about a fifth of a large `generate`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

/// `personamap --version`: the crate's version and the commit it was built from (build.rs).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PERSONAMAP_COMMIT"),
    ")"
);

#[derive(Parser)]
#[command(
    name = "personamap",
    version = VERSION,
    about = "Compiles a TOML persona spec into Mintlify pages, snippets, docs.json navigation and llms.txt"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile the spec and write every output that changed.
    Generate {
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write nothing; exit 1 listing the files that would change.
        #[arg(long)]
        check: bool,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: commands::Format,
    },
    /// Check the spec and validate every output in memory, writing nothing. Exits 1 on
    /// errors; warnings alone exit 0.
    Check {
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: commands::Format,
    },
    /// Print a page's Markdown export, as Mintlify serves it at PAGE_ID.md.
    Export {
        /// Page id, e.g. v2/developers/concepts/infra-stack (a leading `/` is allowed).
        page_id: String,
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Print the estimated natural width of every map, one JSON object per line (what the
    /// `small-labels` warning uses; the conformance stage compares it with the drawn width).
    Estimate {
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Read an existing persona map page and write a spec that regenerates it (never
    /// overwriting a file); then run `personamap generate`.
    Import {
        /// The page, e.g. v2/developers/concepts/infra-stack.mdx (under --root, or as given).
        page: PathBuf,
        /// Site root (holds docs.json, the page and its divider snippet).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Folder for the spec files, under the root: `personas` or a folder inside it.
        #[arg(long, default_value = "personas")]
        out: String,
        /// The published site's base URL (`[site] base_url`), e.g. https://docs.example.com;
        /// needed only when personas/ holds no spec yet (the page joins an existing one).
        #[arg(long)]
        base_url: Option<String>,
        /// Hand the page over: once its Markdown export equals the spec's, record it as
        /// personamap's so the next `generate` rewrites it.
        #[arg(long)]
        adopt: bool,
    },
    /// Scaffold a new site's spec (personas/site.toml and one example persona) for a page in
    /// the first group of docs.json; never overwrites a file.
    Init {
        /// Site root (holds docs.json).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The published site's base URL (`[site] base_url`), e.g. https://docs.example.com.
        #[arg(long)]
        base_url: String,
        /// The docs.json group for the page: its level names separated by `/`, the last ones
        /// (`Guides/Concepts`) or all; default: the first group.
        #[arg(long)]
        nav: Option<String>,
    },
    /// Lay out every spec file canonically (table order, aligned edges), keeping every
    /// comment.
    Fmt {
        /// Site root (holds personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write nothing; exit 1 listing the files that would change.
        #[arg(long)]
        check: bool,
    },
    /// Add to the spec.
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Generate, then regenerate incrementally on every save of the spec, docs.json or
    /// llms.txt, printing one line per rebuild. Ctrl-C (SIGINT) or SIGTERM stops it (exit 0).
    Watch {
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Milliseconds of quiet after a file event before rebuilding (a save that closes its
        /// file or renames it into place is built after 3 ms).
        #[arg(long, default_value_t = personamap_watch::watcher::DEFAULT_DEBOUNCE_MS)]
        debounce: u64,
    },
    /// Serve every generated page on 127.0.0.1, maps drawn by the embedded Mermaid, updated
    /// in place a moment after each save (errors shown over the last good maps). Writes
    /// nothing unless `--write`. Ctrl-C (SIGINT) or SIGTERM stops it.
    Preview {
        /// Site root (holds docs.json and personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port on 127.0.0.1; 0 picks a free one (the URL is printed).
        #[arg(long, default_value_t = 4610)]
        port: u16,
        /// Open the index in the desktop's browser.
        #[arg(long)]
        open: bool,
        /// Also write the outputs that changed after each compile, as `generate` does.
        #[arg(long)]
        write: bool,
    },
    /// Serve the language server protocol on stdin and stdout for editors: diagnostics as you
    /// type, completion, hover, definition, references, rename, symbols, semantic tokens,
    /// quick fixes and formatting of spec files. The site root is the editor's workspace
    /// folder.
    Lsp {
        /// Accepted for clients that pass it: stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Print the resolved spec as JSON: per page and persona the nodes (label lines, class and
    /// its resolved style, link and tooltip), edges, accessible title and description, and the
    /// Markdown source of every prose field, legend row and card. For checks outside personamap.
    Model {
        /// Site root (holds personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Print the JSON Schema of spec files (generate also keeps it in personamap.schema.json).
    Schema,
    /// Print a shell completion script, e.g. `personamap completions bash > personamap.bash`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man pages: personamap.1 and one per command (personamap-generate.1, …).
    Man {
        /// The folder to write them into.
        #[arg(long, default_value = "man")]
        out_dir: PathBuf,
    },
}

/// Turns transparent huge pages off for this process and makes mimalloc reserve its arenas 16
/// MiB at a time, before any allocation: mimalloc asks the kernel for huge pages, and the
/// kernel then zeroes 2 MiB at the first touch of a fresh region, a large share of a short
/// run's CPU time and 30 MB of the peak of a large generate; and its default first arena (1 GiB)
/// has bitmaps that alone take about 40 page faults to set up, a tenth of a small run's (see
/// README "Performance"). It runs from `.init_array`, before the Rust runtime's first
/// allocation (which `main` would be too late for) and before mimalloc's own initialisation.
/// personamap's runs are short; small pages cost it nothing measurable, and a large run only
/// reserves more arenas (mimalloc doubles their size every 8).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES: extern "C" fn() = {
    /// `mi_option_arena_reserve` in mimalloc 3's `mi_option_t` (libmimalloc-sys 0.1.49 builds
    /// mimalloc 3.3.2; its Rust bindings name only the options of mimalloc 2).
    const MI_OPTION_ARENA_RESERVE: libc::c_int = 23;
    unsafe extern "C" {
        fn mi_option_set(option: libc::c_int, value: libc::c_long);
    }
    extern "C" fn no_huge_pages() {
        // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and touches no memory;
        // `mi_option_set` stores an integer in mimalloc's table of options (in KiB here).
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
            mi_option_set(MI_OPTION_ARENA_RESERVE, 16 * 1024);
        }
    }
    no_huge_pages
};

/// What `personamap new` adds.
#[derive(Subcommand)]
enum New {
    /// Write personas/pN-ID.toml with the next persona number and an example node and edge,
    /// and add N to the page's `personas = [...]` list when it has one; never overwrites a file.
    Persona {
        /// Names the file (`ai` gives pN-ai.toml) and the persona ("Ai").
        id: String,
        /// Page id the persona goes on, e.g. guides/personas.
        #[arg(long)]
        page: String,
        /// Site root (holds personas/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() {
    exit(run())
}

/// Ends the process with `code` (0 for success, else 1: personamap's exit statuses) without
/// the C library's exit handlers. Standard output is flushed first; what the handlers would do
/// besides is the allocator's teardown (mimalloc hands every arena page back to the kernel, 27
/// `madvise` calls after Livepeer's `generate`), which ending the process does anyway.
fn exit(code: ExitCode) -> ! {
    use std::io::Write as _;
    // As at a normal exit, a failed flush (a closed pipe) changes nothing.
    let _ = std::io::stdout().flush();
    let status = if code == ExitCode::SUCCESS { 0 } else { 1 };
    // SAFETY: `_exit` ends the process; no Rust code runs after it.
    unsafe { libc::_exit(status) }
}

/// Runs the command line's command.
fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate {
            root,
            check,
            format,
        } => commands::generate(&root, check, format),
        Command::Check { root, format } => commands::check(&root, format),
        Command::Export { page_id, root } => commands::export(&root, &page_id),
        Command::Estimate { root } => commands::estimate(&root),
        Command::Import {
            page,
            root,
            out,
            base_url,
            adopt,
        } => personamap_import::cli::run_import(&root, &page, &out, base_url.as_deref(), adopt)
            .map(|()| ExitCode::SUCCESS),
        Command::Init {
            root,
            base_url,
            nav,
        } => personamap_import::cli::run_init(&root, &base_url, nav.as_deref())
            .map(|()| ExitCode::SUCCESS),
        Command::Fmt { root, check } => {
            personamap_import::cli::run_fmt(&root, check).map(|changed| {
                if check && !changed.is_empty() {
                    eprintln!(
                        "personamap: {} spec file(s) not formatted; run `personamap fmt`",
                        changed.len()
                    );
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            })
        }
        Command::New {
            what: New::Persona { id, page, root },
        } => personamap_import::cli::run_new_persona(&root, &id, &page).map(|()| ExitCode::SUCCESS),
        Command::Watch { root, debounce } => watch::watch(&root, debounce),
        Command::Preview {
            root,
            port,
            open,
            write,
        } => personamap_preview::run(personamap_preview::Options { root, port, write }, open)
            .map(|()| ExitCode::SUCCESS),
        Command::Lsp { stdio: _ } => personamap_lsp::stdio().map(|()| ExitCode::SUCCESS),
        Command::Model { root } => commands::model(&root),
        Command::Schema => {
            print!("{}", personamap_spec::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => Ok(cli_docs::completions(Cli::command(), shell)),
        Command::Man { out_dir } => cli_docs::man(Cli::command(), &out_dir),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
