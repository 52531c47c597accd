use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = birlik::commands::Cli::parse();
    birlik::commands::init_logging(cli.globals.log_format);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(birlik::commands::run(cli))
}
