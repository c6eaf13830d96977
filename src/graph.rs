//! The versioned mapping graph: frameworks are nodes, crosswalks are edges
//! (by default the newest version of each crosswalk id; `--crosswalk
//! ID@VERSION` pins another). Paths between frameworks are direct
//! crosswalks or chains; [`trace()`] follows one source indicator along a
//! path at indicator level and composes what each hop says.
//!
//! Choosing a path ([`MappingGraph::choose`]): among the simple paths from
//! `from` to `to` that pass the `via` frameworks in order and use every
//! pinned crosswalk lying on some candidate path, a single `primary`
//! crosswalk wins; then the path with the fewest hops; then the one with
//! the most `primary` hops. A remaining tie is an error asking for `--via`
//! or `--crosswalk`.

pub mod agree;
mod path;
pub mod render;
mod route;
pub mod trace;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::{all_simple_paths, tarjan_scc};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::catalog::Catalog;
use crate::crosswalk::LoadedCrosswalk;
use crate::error::{Error, Place, Result};
use crate::text::Text;
use crate::tr;

pub use path::{CrosswalkRef, Path, Pin};
pub use route::{End, EndKind, Hop, IndicatorNode, MapEdge, Route, Trace};
pub use trace::{IndicatorGraph, trace};

/// Frameworks and the selected crosswalk versions between them.
#[derive(Debug, Clone)]
pub struct MappingGraph<'a> {
    /// The framework catalogs.
    pub catalog: &'a Catalog,
    selected: Vec<&'a LoadedCrosswalk>,
    pins: Vec<Pin>,
    graph: DiGraph<String, usize>,
    nodes: BTreeMap<String, NodeIndex>,
}

impl<'a> MappingGraph<'a> {
    /// Builds the graph, selecting the newest version of each crosswalk id
    /// or the pinned one, and checks it: every selected crosswalk names
    /// known frameworks, every version is a semantic version, and the
    /// framework graph has no cycle.
    pub fn new(
        catalog: &'a Catalog,
        crosswalks: impl IntoIterator<Item = &'a LoadedCrosswalk>,
        pins: &[Pin],
    ) -> Result<MappingGraph<'a>> {
        let g = MappingGraph::build(catalog, crosswalks, pins)?;
        if let Some(c) = g.selected.iter().find(|c| c.semver().is_none()) {
            return Err(bad_crosswalk(c, "version", invalid_version(c)));
        }
        if let Some(cycle) = g.cycles().first() {
            let first = g.selected.iter().find(|c| cycle.contains(&c.crosswalk.id));
            let msg = tr!(
                "crosswalk membentuk siklus: {}",
                "crosswalks form a cycle: {}",
                cycle.join(", ")
            );
            return Err(match first {
                Some(c) => bad_crosswalk(c, "to", msg),
                None => Error::new(crate::error::Kind::Input, msg),
            });
        }
        Ok(g)
    }

    /// Builds the graph without the version and cycle checks of
    /// [`MappingGraph::new`] (for `validate`, which reports them as
    /// findings). Crosswalks naming unknown frameworks are still an error;
    /// pins naming unknown crosswalks or versions are a usage error.
    pub fn build(
        catalog: &'a Catalog,
        crosswalks: impl IntoIterator<Item = &'a LoadedCrosswalk>,
        pins: &[Pin],
    ) -> Result<MappingGraph<'a>> {
        let mut by_id: BTreeMap<&str, Vec<&'a LoadedCrosswalk>> = BTreeMap::new();
        for c in crosswalks {
            by_id.entry(c.crosswalk.id.as_str()).or_default().push(c);
        }
        for p in pins {
            let Some(versions) = by_id.get_mut(p.id.as_str()) else {
                return Err(Error::usage(tr!(
                    "crosswalk `{}` tidak ada",
                    "there is no crosswalk `{}`",
                    p.id
                ))
                .expected(Text::same(
                    by_id.keys().copied().collect::<Vec<_>>().join(", "),
                )));
            };
            if let Some(v) = p.version {
                let known: Vec<String> = versions.iter().map(|c| c.reference()).collect();
                versions.retain(|c| c.semver() == Some(v));
                if versions.is_empty() {
                    return Err(Error::usage(tr!(
                        "crosswalk `{}` tidak punya versi {}",
                        "crosswalk `{}` has no version {}",
                        p.id,
                        v
                    ))
                    .expected(Text::same(known.join(", "))));
                }
            }
        }
        let mut g = MappingGraph {
            catalog,
            selected: Vec::new(),
            pins: pins.to_vec(),
            graph: DiGraph::new(),
            nodes: BTreeMap::new(),
        };
        for fw in &catalog.frameworks {
            let n = g.graph.add_node(fw.id.clone());
            g.nodes.insert(fw.id.clone(), n);
        }
        for versions in by_id.into_values() {
            // Newest valid version; among equal versions the first path.
            let chosen = versions
                .iter()
                .copied()
                .max_by(|a, b| a.semver().cmp(&b.semver()).then(b.path.cmp(&a.path)));
            let Some(c) = chosen else { continue };
            let (Some(&a), Some(&b)) =
                (g.nodes.get(&c.crosswalk.from), g.nodes.get(&c.crosswalk.to))
            else {
                let field = if g.nodes.contains_key(&c.crosswalk.from) {
                    "to"
                } else {
                    "from"
                };
                return Err(bad_crosswalk(
                    c,
                    field,
                    tr!(
                        "crosswalk `{}` menunjuk framework yang tidak ada",
                        "crosswalk `{}` names a framework that does not exist",
                        c.reference()
                    ),
                ));
            };
            g.graph.add_edge(a, b, g.selected.len());
            g.selected.push(c);
        }
        Ok(g)
    }

    /// The selected crosswalks, by id.
    pub fn crosswalks(&self) -> &[&'a LoadedCrosswalk] {
        &self.selected
    }

    /// The selected crosswalk with `id`.
    pub fn crosswalk(&self, id: &str) -> Option<&'a LoadedCrosswalk> {
        self.selected.iter().copied().find(|c| c.crosswalk.id == id)
    }

    /// The reference of a selected crosswalk.
    pub fn reference(&self, c: &LoadedCrosswalk) -> CrosswalkRef {
        CrosswalkRef {
            id: c.crosswalk.id.clone(),
            version: c.crosswalk.version.clone(),
            from: c.crosswalk.from.clone(),
            to: c.crosswalk.to.clone(),
            primary: c.crosswalk.primary,
            file: c.file.clone(),
        }
    }

    /// The cycles of the framework graph, each as the sorted ids of the
    /// crosswalks inside it; sorted.
    pub fn cycles(&self) -> Vec<Vec<String>> {
        let mut out = BTreeSet::new();
        for scc in tarjan_scc(&self.graph) {
            let inside: BTreeSet<NodeIndex> = scc.iter().copied().collect();
            let mut ids: Vec<String> = self
                .graph
                .edge_references()
                .filter(|e| inside.contains(&e.source()) && inside.contains(&e.target()))
                .filter(|e| scc.len() > 1 || e.source() == e.target())
                .map(|e| self.selected[*e.weight()].crosswalk.id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            if !ids.is_empty() {
                out.insert(ids);
            }
        }
        out.into_iter().collect()
    }

    /// Every simple path from `from` to `to`, one per choice of parallel
    /// crosswalks, sorted by hops then crosswalk ids. Empty when either
    /// framework is unknown or there is no path.
    pub fn paths(&self, from: &str, to: &str) -> Vec<Path> {
        let (Some(&a), Some(&b)) = (self.nodes.get(from), self.nodes.get(to)) else {
            return Vec::new();
        };
        if a == b {
            return vec![Path::default()];
        }
        let node_paths: BTreeSet<Vec<NodeIndex>> =
            all_simple_paths::<Vec<_>, _, std::hash::RandomState>(&self.graph, a, b, 0, None)
                .collect();
        let mut out = Vec::new();
        for np in node_paths {
            let mut partial: Vec<Vec<CrosswalkRef>> = vec![Vec::new()];
            for w in np.windows(2) {
                let mut edges: Vec<CrosswalkRef> = self
                    .graph
                    .edges_connecting(w[0], w[1])
                    .map(|e| self.reference(self.selected[*e.weight()]))
                    .collect();
                edges.sort();
                partial = partial
                    .into_iter()
                    .flat_map(|p| {
                        edges.iter().map(move |e| {
                            let mut q = p.clone();
                            q.push(e.clone());
                            q
                        })
                    })
                    .collect();
            }
            out.extend(partial.into_iter().map(|hops| Path { hops }));
        }
        out.sort_by(|x, y| x.hops.len().cmp(&y.hops.len()).then_with(|| x.cmp(y)));
        out.dedup();
        out
    }

    /// Every path between two different frameworks, ordered by source,
    /// target (catalog order), then as in [`MappingGraph::paths`].
    pub fn all_paths(&self) -> Vec<Path> {
        let ids = self.catalog.ids();
        let mut out = Vec::new();
        for a in &ids {
            for b in &ids {
                if a != b {
                    out.extend(self.paths(a, b));
                }
            }
        }
        out
    }

    /// The path to convert along (see the module documentation).
    pub fn choose(&self, from: &str, to: &str, via: &[String]) -> Result<Path> {
        self.catalog.require(from)?;
        self.catalog.require(to)?;
        for v in via {
            self.catalog.require(v)?;
        }
        let mut candidates: Vec<Path> = self
            .paths(from, to)
            .into_iter()
            .filter(|p| passes_in_order(&p.frameworks(), via))
            .collect();
        for pin in &self.pins {
            if candidates
                .iter()
                .any(|p| p.hops.iter().any(|h| h.id == pin.id))
            {
                candidates.retain(|p| p.hops.iter().any(|h| h.id == pin.id));
            }
        }
        candidates.sort_by(|x, y| x.rank().cmp(&y.rank()).then_with(|| x.cmp(y)));
        match candidates.as_slice() {
            [] => Err(self.no_path(from, to, via)),
            [best, next, ..] if best.rank() == next.rank() => {
                let tied: Vec<String> = candidates
                    .iter()
                    .filter(|p| p.rank() == best.rank())
                    .map(|p| p.to_string())
                    .collect();
                Err(Error::usage(tr!(
                    "lebih dari satu jalur dari {} ke {} sama baiknya",
                    "more than one path from {} to {} is equally good",
                    from,
                    to
                ))
                .expected(Text::same(tied.join("; ")))
                .with_hint(tr!(
                    "pilih satu dengan --via FRAMEWORK atau --crosswalk ID@VERSI",
                    "choose one with --via FRAMEWORK or --crosswalk ID@VERSION"
                )))
            }
            [best, ..] => Ok(best.clone()),
        }
    }

    fn no_path(&self, from: &str, to: &str, via: &[String]) -> Error {
        let known: Vec<String> = self
            .selected
            .iter()
            .map(|c| {
                format!(
                    "{} ({} → {})",
                    c.reference(),
                    c.crosswalk.from,
                    c.crosswalk.to
                )
            })
            .collect();
        let route = if via.is_empty() {
            format!("{from} → {to}")
        } else {
            format!("{from} → {} → {to}", via.join(" → "))
        };
        Error::usage(tr!(
            "tidak ada jalur crosswalk {}",
            "there is no crosswalk path {}",
            route
        ))
        .expected(Text::same(if known.is_empty() {
            "-".to_string()
        } else {
            known.join(", ")
        }))
        .with_hint(tr!(
            "lihat graf dengan `spbe-pemdi mapping graph`",
            "see the graph with `spbe-pemdi mapping graph`"
        ))
    }
}

/// Whether `via` appears in `frameworks` in order (not as the endpoints).
fn passes_in_order(frameworks: &[&str], via: &[String]) -> bool {
    let inner = if frameworks.len() >= 2 {
        &frameworks[1..frameworks.len() - 1]
    } else {
        &[][..]
    };
    let mut it = inner.iter();
    via.iter().all(|v| it.any(|f| f == v))
}

fn invalid_version(c: &LoadedCrosswalk) -> Text {
    tr!(
        "versi `{}` bukan versi semantik MAJOR.MINOR.PATCH",
        "version `{}` is not a semantic version MAJOR.MINOR.PATCH",
        c.crosswalk.version
    )
}

fn bad_crosswalk(c: &LoadedCrosswalk, field: &str, msg: Text) -> Error {
    Error::input(&c.file, msg)
        .at(match c.field_line(field) {
            Some(l) => Place::line(l),
            None => Place::Field(field.to_string()),
        })
        .with_hint(tr!(
            "jalankan `spbe-pemdi validate` untuk melihat semua temuan",
            "run `spbe-pemdi validate` to see every finding"
        ))
}
