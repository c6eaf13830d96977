//! Drawing the mapping graph as Graphviz DOT or Mermaid, deterministically:
//! frameworks in catalog order, crosswalks by id; along a path, indicators
//! by framework then number, maps by hop, source and target.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use crate::catalog::{Catalog, Indicator};
use crate::graph::MappingGraph;
use crate::graph::trace::IndicatorGraph;
use crate::text::Lang;

/// The drawing language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// `(from, to, label, bold)`.
type Edge = (String, String, String, bool);

struct Drawing {
    /// `(group label, [(node id, label)])`; an empty group label means no group.
    groups: Vec<(String, Vec<(String, String)>)>,
    edges: Vec<Edge>,
}

/// An indicator's name without the common `Tingkat Kematangan` prefix, at
/// most 40 characters.
pub fn short_name(ind: &Indicator, lang: Lang) -> String {
    let name = ind.name(lang);
    let name = match ["Tingkat Kematangan ", "Maturity of the ", "Maturity of "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
    {
        Some(rest) => {
            let mut c = rest.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        None => name.to_string(),
    };
    if name.chars().count() > 40 {
        let cut: String = name.chars().take(39).collect();
        format!("{}…", cut.trim_end())
    } else {
        name
    }
}

/// The framework graph: frameworks as nodes, selected crosswalks as edges
/// (bold when `primary`).
pub fn frameworks(g: &MappingGraph, format: Format, lang: Lang) -> String {
    let nodes = g
        .catalog
        .frameworks
        .iter()
        .map(|f| {
            let label = format!(
                "{}\n{} ({} {})",
                f.id,
                f.title(lang),
                f.indicators.len(),
                lang.pick("indikator", "indicators")
            );
            (f.id.clone(), label)
        })
        .collect();
    let mut edges: Vec<Edge> = g
        .crosswalks()
        .iter()
        .map(|c| {
            let cw = &c.crosswalk;
            let label = format!(
                "{}\n{} {}, {}",
                cw.reference(),
                cw.maps.len(),
                lang.pick("peta", "maps"),
                match cw.status {
                    crate::crosswalk::Status::Draft => "draft",
                    crate::crosswalk::Status::Reviewed => "reviewed",
                }
            );
            (cw.from.clone(), cw.to.clone(), label, cw.primary)
        })
        .collect();
    edges.sort();
    draw(
        &Drawing {
            groups: vec![(String::new(), nodes)],
            edges,
        },
        "mapping",
        format,
    )
}

/// One path at indicator level: indicators as nodes (grouped by
/// framework), maps as edges labelled `relation/confidence`.
pub fn path(ig: &IndicatorGraph, catalog: &Catalog, format: Format, lang: Lang) -> String {
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for n in ig.graph.node_indices() {
        let node = &ig.graph[n];
        let name = catalog
            .get(&node.framework)
            .and_then(|f| f.indicator(node.no))
            .map(|i| short_name(i, lang))
            .unwrap_or_default();
        let entry = (node.id(), format!("{}\n{}", node.id(), name));
        match groups.last_mut() {
            Some((g, v)) if *g == node.framework => v.push(entry),
            _ => groups.push((node.framework.clone(), vec![entry])),
        }
    }
    let mut keyed: Vec<((usize, u32, u32, usize), Edge)> = ig
        .graph
        .edge_references()
        .filter_map(|e| {
            let (a, b) = (&ig.graph[e.source()], &ig.graph[e.target()]);
            let m = ig.map(e.id())?;
            let label = format!("{}/{}", m.relation, m.confidence.as_str());
            Some((
                (e.weight().hop, a.no, b.no, e.weight().map),
                (a.id(), b.id(), label, false),
            ))
        })
        .collect();
    keyed.sort();
    let edges = keyed.into_iter().map(|(_, e)| e).collect();
    let drawing = draw(&Drawing { groups, edges }, "path", format);
    match format {
        Format::Dot => format!("// {}\n{drawing}", ig.path),
        // Mermaid wants the diagram type first.
        Format::Mermaid => drawing.replacen('\n', &format!("\n  %% {}\n", ig.path), 1),
    }
}

fn draw(d: &Drawing, name: &str, format: Format) -> String {
    match format {
        Format::Dot => dot(d, name),
        Format::Mermaid => mermaid(d),
    }
}

fn dot_str(s: &str) -> String {
    let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{}\"", escaped.replace('\n', "\\n"))
}

fn dot(d: &Drawing, name: &str) -> String {
    let mut out = format!("digraph {name} {{\n  rankdir=LR;\n  node [shape=box];\n");
    for (i, (group, nodes)) in d.groups.iter().enumerate() {
        let indent = if group.is_empty() { "  " } else { "    " };
        if !group.is_empty() {
            let _ = writeln!(
                out,
                "  subgraph cluster_{i} {{\n    label={};",
                dot_str(group)
            );
        }
        for (id, label) in nodes {
            let _ = writeln!(out, "{indent}{} [label={}];", dot_str(id), dot_str(label));
        }
        if !group.is_empty() {
            out.push_str("  }\n");
        }
    }
    for (a, b, label, bold) in &d.edges {
        let style = if *bold { ", style=bold" } else { "" };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            dot_str(a),
            dot_str(b),
            dot_str(label)
        );
    }
    out.push_str("}\n");
    out
}

fn mermaid_id(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn mermaid_str(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "#quot;").replace('\n', "<br/>"))
}

fn mermaid(d: &Drawing) -> String {
    let mut out = String::from("flowchart LR\n");
    for (i, (group, nodes)) in d.groups.iter().enumerate() {
        let indent = if group.is_empty() { "  " } else { "    " };
        if !group.is_empty() {
            let _ = writeln!(out, "  subgraph g{i}[{}]", mermaid_str(group));
        }
        for (id, label) in nodes {
            let _ = writeln!(out, "{indent}{}[{}]", mermaid_id(id), mermaid_str(label));
        }
        if !group.is_empty() {
            out.push_str("  end\n");
        }
    }
    for (a, b, label, bold) in &d.edges {
        let arrow = if *bold { "==>" } else { "-->" };
        let _ = writeln!(
            out,
            "  {} {arrow}|{}| {}",
            mermaid_id(a),
            mermaid_str(label),
            mermaid_id(b)
        );
    }
    out
}
