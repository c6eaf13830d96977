//! The mapping graph at indicator level, along one path: indicators are
//! nodes (one layer per framework), maps are edges (one per source and
//! target of a map that is not `disjoint`). Tracing a source indicator
//! composes, route by route, the relation sets (RCC-5), the level rules
//! (function composition), confidence and evidence (weakest link).

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::all_simple_paths;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::{Dfs, EdgeRef};

use crate::crosswalk::{
    Bounds, Confidence, Evidence, LevelChain, LoadedCrosswalk, Map, RelSet, Relation,
};
use crate::error::{Error, Result};
use crate::graph::route::{End, EndKind, Hop, IndicatorNode, MapEdge, Route, Trace};
use crate::graph::{MappingGraph, Path};
use crate::tr;

/// Where `source` (a number in the path's first framework) goes.
pub fn trace(g: &MappingGraph, path: &Path, source: u32) -> Result<Trace> {
    Ok(IndicatorGraph::new(g, path)?.trace(source))
}

/// The indicator-level graph along one path.
#[derive(Debug, Clone)]
pub struct IndicatorGraph<'a> {
    /// The path.
    pub path: Path,
    /// Indicators and maps.
    pub graph: DiGraph<IndicatorNode, MapEdge>,
    hops: Vec<&'a LoadedCrosswalk>,
    bounds: Vec<Bounds>,
    index: BTreeMap<(usize, u32), NodeIndex>,
}

impl<'a> IndicatorGraph<'a> {
    /// Builds the graph of `path`, whose crosswalks must be selected in `g`.
    pub fn new(g: &MappingGraph<'a>, path: &Path) -> Result<IndicatorGraph<'a>> {
        let mut hops = Vec::new();
        for h in &path.hops {
            let c = g
                .crosswalk(&h.id)
                .filter(|c| c.crosswalk.version == h.version)
                .ok_or_else(|| {
                    Error::usage(tr!(
                        "crosswalk {} tidak ada di graf",
                        "crosswalk {} is not in the graph",
                        h
                    ))
                })?;
            hops.push(c);
        }
        let mut ig = IndicatorGraph {
            path: path.clone(),
            graph: DiGraph::new(),
            hops,
            bounds: Vec::new(),
            index: BTreeMap::new(),
        };
        for (layer, id) in path.frameworks().into_iter().enumerate() {
            let fw = g.catalog.require(id)?;
            ig.bounds.push(Bounds::of(fw));
            for ind in &fw.indicators {
                let n = ig.graph.add_node(IndicatorNode {
                    layer,
                    framework: fw.id.clone(),
                    no: ind.no,
                });
                ig.index.insert((layer, ind.no), n);
            }
        }
        for (hop, c) in ig.hops.clone().into_iter().enumerate() {
            for (mi, m) in c.crosswalk.maps.iter().enumerate() {
                if m.relation == Relation::Disjoint {
                    continue;
                }
                let element = m.relation.element(m.sources.len() > 1, m.targets.len() > 1);
                let sources: BTreeSet<u32> = m.sources.iter().copied().collect();
                let targets: BTreeSet<u32> = m.targets.iter().copied().collect();
                for s in &sources {
                    for t in &targets {
                        if let (Some(&a), Some(&b)) =
                            (ig.index.get(&(hop, *s)), ig.index.get(&(hop + 1, *t)))
                        {
                            ig.graph.add_edge(
                                a,
                                b,
                                MapEdge {
                                    hop,
                                    map: mi,
                                    element,
                                },
                            );
                        }
                    }
                }
            }
        }
        Ok(ig)
    }

    /// The node of indicator `no` in `layer`.
    pub fn node(&self, layer: usize, no: u32) -> Option<NodeIndex> {
        self.index.get(&(layer, no)).copied()
    }

    /// The crosswalk of hop `hop`.
    pub fn crosswalk(&self, hop: usize) -> Option<&'a LoadedCrosswalk> {
        self.hops.get(hop).copied()
    }

    /// The map an edge stands for.
    pub fn map(&self, e: EdgeIndex) -> Option<&'a Map> {
        let w = self.graph.edge_weight(e)?;
        self.hops.get(w.hop)?.crosswalk.maps.get(w.map)
    }

    /// The scale of the first framework.
    pub fn source_bounds(&self) -> Option<Bounds> {
        self.bounds.first().copied()
    }

    /// Where `source` (a number in the first framework) goes.
    pub fn trace(&self, source: u32) -> Trace {
        let last = self.hops.len();
        let fw0 = self.path.frameworks().first().map(|s| s.to_string());
        let source_id = match &fw0 {
            Some(f) => format!("{f}:{source}"),
            None => source.to_string(),
        };
        let mut t = Trace {
            source: source_id.clone(),
            routes: Vec::new(),
            ends: Vec::new(),
        };
        let Some(start) = self.node(0, source) else {
            if last > 0 {
                t.ends.push(End {
                    hop: 0,
                    at: source_id,
                    kind: EndKind::Unknown,
                });
            }
            return t;
        };
        let goals: Vec<NodeIndex> = self
            .index
            .range((last, 0)..=(last, u32::MAX))
            .map(|(_, n)| *n)
            .collect();
        for goal in goals {
            let node_paths: BTreeSet<Vec<NodeIndex>> = all_simple_paths::<
                Vec<_>,
                _,
                std::hash::RandomState,
            >(
                &self.graph, start, goal, 0, None
            )
            .collect();
            for np in node_paths {
                let mut combos: Vec<Vec<EdgeIndex>> = vec![Vec::new()];
                for w in np.windows(2) {
                    let mut edges: Vec<EdgeIndex> = self
                        .graph
                        .edges_connecting(w[0], w[1])
                        .map(|e| e.id())
                        .collect();
                    edges.sort();
                    combos = combos
                        .into_iter()
                        .flat_map(|c| {
                            edges.iter().map(move |e| {
                                let mut c = c.clone();
                                c.push(*e);
                                c
                            })
                        })
                        .collect();
                }
                for edges in combos {
                    t.routes.push(self.route(&edges, goal));
                }
            }
        }
        t.routes.sort_by(|a, b| {
            a.target
                .cmp(&b.target)
                .then_with(|| hop_key(&a.hops).cmp(&hop_key(&b.hops)))
        });
        t.ends = self.ends(start);
        t
    }

    fn route(&self, edges: &[EdgeIndex], goal: NodeIndex) -> Route {
        let mut r = Route {
            target: self.graph[goal].no,
            target_id: self.graph[goal].id(),
            relation: RelSet::one(Relation::Equal),
            level: LevelChain::new(),
            confidence: Confidence::High,
            evidence: Evidence::Reuse,
            hops: Vec::new(),
        };
        for &e in edges {
            let (Some((a, b)), Some(w), Some(m)) = (
                self.graph.edge_endpoints(e),
                self.graph.edge_weight(e),
                self.map(e),
            ) else {
                continue;
            };
            let Some(c) = self.crosswalk(w.hop) else {
                continue;
            };
            let target = self.bounds.get(w.hop + 1).copied();
            r.relation = r.relation.compose(w.element);
            if let Some(target) = target {
                r.level = std::mem::take(&mut r.level).then(m.level_rule.clone(), target);
            }
            r.confidence = r.confidence.min(m.confidence);
            r.evidence = r.evidence.min(m.evidence);
            r.hops.push(Hop {
                crosswalk: c.crosswalk.id.clone(),
                version: c.crosswalk.version.clone(),
                map: m.id.clone(),
                from: self.graph[a].id(),
                to: self.graph[b].id(),
                relation: m.relation,
                element: w.element,
                rule: m.level_rule.clone(),
                aggregation: m.aggregation,
                coverage: m.effective_coverage(),
                confidence: m.confidence,
                evidence: m.evidence,
            });
        }
        r
    }

    fn ends(&self, start: NodeIndex) -> Vec<End> {
        let last = self.hops.len();
        let mut out = Vec::new();
        let mut dfs = Dfs::new(&self.graph, start);
        while let Some(n) = dfs.next(&self.graph) {
            let node = &self.graph[n];
            if node.layer >= last || self.graph.neighbors(n).next().is_some() {
                continue;
            }
            let Some(c) = self.crosswalk(node.layer) else {
                continue;
            };
            let cw = &c.crosswalk;
            let kind = if let Some(r) = cw.retired.iter().find(|r| r.indicator == node.no) {
                EndKind::Retired(r.reason_text())
            } else {
                let disjoint: Vec<String> = cw
                    .maps
                    .iter()
                    .filter(|m| m.relation == Relation::Disjoint && m.sources.contains(&node.no))
                    .map(|m| m.id.clone())
                    .collect();
                if disjoint.is_empty() {
                    EndKind::Unmapped
                } else {
                    EndKind::Disjoint(disjoint)
                }
            };
            out.push(End {
                hop: node.layer,
                at: node.id(),
                kind,
            });
        }
        out.sort();
        out
    }
}

fn hop_key(hops: &[Hop]) -> Vec<(String, String, String)> {
    hops.iter()
        .map(|h| (h.crosswalk.clone(), h.map.clone(), h.to.clone()))
        .collect()
}
