//! `personamap`: compiles the persona spec under `personas/` into a Mintlify site's pages,
//! divider snippet, docs.json navigation and llms.txt.

mod commands;
mod watch;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: compiling allocates many small strings and
/// trees, and glibc's malloc and free took about a fifth of a large `generate`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "personamap",
    version,
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
        /// Page id, e.g. v2/developers/concepts/infra-stack.
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
        /// The published site's base URL (`[site] base_url`), e.g. https://docs.example.com.
        #[arg(long)]
        base_url: String,
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
}

/// Turns transparent huge pages off for this process. mimalloc asks the kernel for them, and
/// the kernel then zeroes 2 MiB at the first touch of a fresh region: a third of the CPU time of
/// a run with nothing to write, and 30 MB of the peak of a large generate (see README
/// "Performance"). personamap's runs are short; small pages cost it nothing measurable.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
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
        } => personamap_import::cli::run_import(&root, &page, &out, &base_url, adopt)
            .map(|()| ExitCode::SUCCESS),
        Command::Init { root, base_url } => {
            personamap_import::cli::run_init(&root, &base_url).map(|()| ExitCode::SUCCESS)
        }
        Command::Watch { root, debounce } => watch::watch(&root, debounce),
        Command::Model { root } => commands::model(&root),
        Command::Schema => {
            print!("{}", personamap_spec::json_schema());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
