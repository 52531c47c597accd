//! `birlik consensus …`: the consensus engine from the command line. This file only opens files and
//! calls the pure `consensus` crate.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use ::consensus::data::ConversationBuilder;
use ::consensus::pipeline::{AnalysisOptions, Solver, analyze_full};
use ::consensus::polis::PolisOptions;
use ::consensus::replay::ReplaySchedule;
use ::consensus::svg::{SvgOptions, opinion_map};
use ::consensus::synth::{Synth, SynthOptions};
use ::consensus::unity::UnityOptions;
use anyhow::{Context, bail};

/// The consensus engine: opinion groups, bridging statements, cross-group unity.
#[derive(clap::Subcommand, Debug)]
pub enum ConsensusCommand {
    /// Analyse a conversation (a Pol.is export folder or a plain votes CSV).
    Analyze(AnalyzeArgs),
    /// Write a seeded synthetic conversation with planted opinion groups (streamed, any size).
    Synth(SynthArgs),
}

/// Bridging solver choice.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BridgingChoice {
    /// Alternating least squares (fast).
    Als,
    /// Full-batch Adam (the Community Notes reference).
    Adam,
    /// Skip the bridging factorization.
    None,
}

/// Arguments of `birlik consensus analyze`.
#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// A Pol.is export folder (comments.csv, and votes.csv or else participants-votes.csv).
    #[arg(long, required_unless_present = "votes", conflicts_with = "votes")]
    pub polis_dir: Option<PathBuf>,
    /// A plain votes CSV: header `participant_id,statement_id,vote` (1 agree, -1 disagree, 0 pass), optional `time`.
    #[arg(long)]
    pub votes: Option<PathBuf>,
    /// Declared attributes: CSV `participant_id,<attribute>,…` (region, ethnic group, language …).
    #[arg(long)]
    pub attributes: Option<PathBuf>,
    /// Write the JSON result here (`-` for standard output).
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Write the SVG opinion map here.
    #[arg(long)]
    pub svg: Option<PathBuf>,
    /// Replay the vote log in time order as Pol.is ran it (incremental mode).
    #[arg(long)]
    pub replay: bool,
    /// Bridging factorization solver.
    #[arg(long, value_enum, default_value = "als")]
    pub bridging: BridgingChoice,
    /// k of k-anonymity for cross-group unity (no group smaller than k is ever shown).
    #[arg(long, default_value_t = 10)]
    pub k_anonymity: usize,
    /// Seed of every random choice.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Arguments of `birlik consensus synth`.
#[derive(clap::Args, Debug)]
pub struct SynthArgs {
    /// Participants.
    #[arg(long, default_value_t = 1000)]
    pub participants: usize,
    /// Statements.
    #[arg(long, default_value_t = 100)]
    pub statements: usize,
    /// Mean votes per participant.
    #[arg(long, default_value_t = 20.0)]
    pub votes_per_participant: f64,
    /// Relative sizes of the planted groups, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "0.5,0.3,0.2")]
    pub group_weights: Vec<f64>,
    /// Probability of following one's group when not passing.
    #[arg(long, default_value_t = 0.8)]
    pub consistency: f64,
    /// Probability of a pass.
    #[arg(long, default_value_t = 0.1)]
    pub pass_rate: f64,
    /// Fraction of statements on which all groups agree.
    #[arg(long, default_value_t = 0.1)]
    pub shared: f64,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Votes CSV output (`-` for standard output).
    #[arg(long, default_value = "-")]
    pub out: PathBuf,
    /// Planted groups CSV output (`participant_id,group`).
    #[arg(long)]
    pub groups_out: Option<PathBuf>,
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    Ok(BufReader::new(File::open(path).with_context(|| format!("cannot open {}", path.display()))?))
}

fn create(path: &Path) -> anyhow::Result<Box<dyn Write>> {
    if path == Path::new("-") {
        return Ok(Box::new(BufWriter::new(std::io::stdout().lock())));
    }
    Ok(Box::new(BufWriter::new(File::create(path).with_context(|| format!("cannot create {}", path.display()))?)))
}

/// Runs a `birlik consensus` subcommand.
pub fn run(cmd: ConsensusCommand) -> anyhow::Result<()> {
    match cmd {
        ConsensusCommand::Analyze(a) => analyze(a),
        ConsensusCommand::Synth(s) => synth(s),
    }
}

fn analyze(a: AnalyzeArgs) -> anyhow::Result<()> {
    let mut b = ConversationBuilder::new();
    let title = match (&a.polis_dir, &a.votes) {
        (Some(dir), _) => {
            ::consensus::io::add_polis_comments(&mut b, open(&dir.join("comments.csv"))?)
                .with_context(|| format!("{}/comments.csv", dir.display()))?;
            // Some public exports ship only the matrix of last votes: read it when the log is missing.
            let (log, matrix) = (dir.join("votes.csv"), dir.join("participants-votes.csv"));
            if log.exists() || !matrix.exists() {
                ::consensus::io::add_polis_votes(&mut b, open(&log)?).with_context(|| log.display().to_string())?;
            } else {
                ::consensus::io::add_polis_matrix(&mut b, open(&matrix)?)
                    .with_context(|| matrix.display().to_string())?;
            }
            dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned())
        }
        (None, Some(votes)) => {
            ::consensus::io::add_votes_csv(&mut b, open(votes)?).with_context(|| votes.display().to_string())?;
            votes.file_stem().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        }
        (None, None) => bail!("give --polis-dir DIR or --votes FILE.csv"),
    };
    if let Some(attrs) = &a.attributes {
        ::consensus::io::add_attributes_csv(&mut b, open(attrs)?).with_context(|| attrs.display().to_string())?;
    }
    let conv = b.build();
    let mut polis = PolisOptions::default();
    if let Some(seed) = a.seed {
        polis.seed = seed;
    }
    let opts = AnalysisOptions {
        polis,
        replay: a.replay.then(ReplaySchedule::default),
        bridging: match a.bridging {
            BridgingChoice::Als => Some(Solver::Als),
            BridgingChoice::Adam => Some(Solver::Adam),
            BridgingChoice::None => None,
        },
        unity: UnityOptions { k: a.k_anonymity, ..UnityOptions::default() },
        ..AnalysisOptions::default()
    };
    let out = analyze_full(&conv, &opts);
    let r = &out.report;
    eprintln!(
        "{} participants ({} in the analysis), {} statements ({} active), {} votes: k = {} (sizes {:?}); \
         matrix {:.1} ms, groups {:.1} ms, bridging {:.1} ms, unity {:.1} ms",
        r.n_participants,
        r.n_in_analysis,
        r.n_statements,
        r.n_active,
        conv.log.len(),
        r.k,
        r.groups.iter().map(|g| g.size).collect::<Vec<_>>(),
        out.timings.matrix.as_secs_f64() * 1e3,
        out.timings.polis.as_secs_f64() * 1e3,
        out.timings.bridging.as_secs_f64() * 1e3,
        out.timings.unity.as_secs_f64() * 1e3,
    );
    if let Some(path) = &a.json {
        let mut w = create(path)?;
        r.write_json(&mut w)?;
        writeln!(w)?;
        w.flush()?;
    }
    if let Some(path) = &a.svg {
        let svg = opinion_map(&out.result, &format!("Opinion map: {title}"), &[], &SvgOptions::default());
        let mut w = create(path)?;
        w.write_all(svg.as_bytes())?;
        w.flush()?;
    }
    Ok(())
}

fn synth(s: SynthArgs) -> anyhow::Result<()> {
    if s.participants == 0 || s.statements == 0 || s.group_weights.is_empty() {
        bail!("participants, statements and group weights must not be empty");
    }
    let g = Synth::new(SynthOptions {
        participants: s.participants,
        statements: s.statements,
        votes_per_participant: s.votes_per_participant,
        group_weights: s.group_weights,
        consistency: s.consistency,
        pass_rate: s.pass_rate,
        shared: s.shared,
        seed: s.seed,
    });
    g.write_votes_csv(create(&s.out)?)?;
    if let Some(path) = &s.groups_out {
        g.write_groups_csv(create(path)?)?;
    }
    Ok(())
}
