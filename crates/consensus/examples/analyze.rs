//! The `birlik consensus` command, built from the app's command file so that it can be used (and checked)
//! before the app wires it: `cargo run --release -p consensus --example analyze -- analyze --polis-dir DIR`.

#[path = "../../birlik/src/commands/consensus.rs"]
mod command;

use clap::Parser;

/// birlik consensus
#[derive(Parser, Debug)]
struct Cli {
    #[command(subcommand)]
    cmd: command::ConsensusCommand,
}

fn main() -> anyhow::Result<()> {
    command::run(Cli::parse().cmd)
}
