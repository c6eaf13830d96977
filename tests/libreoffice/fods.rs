//! Reading the first sheet of a flat ODS document (LibreOffice's
//! conversion target): each cell's value type, value and text.

/// One cell of a converted sheet: its value type (`float`, `string`, ...
/// or empty), its numeric value and its text.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub kind: String,
    pub value: Option<f64>,
    pub text: String,
}

/// The attribute `name` of a cell's start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[at..];
    Some(&rest[..rest.find('"')?])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The rows of the first sheet of a flat ODS document.
pub fn rows(fods: &str) -> Vec<Vec<Cell>> {
    let first = fods
        .split("<table:table ")
        .nth(1)
        .and_then(|t| t.split("</table:table>").next())
        .unwrap_or_default();
    let mut out = Vec::new();
    for row in first.split("<table:table-row").skip(1) {
        let row = row.split("</table:table-row>").next().unwrap_or_default();
        let mut cells = Vec::new();
        for cell in row.split("<table:table-cell").skip(1) {
            let end = cell.find('>').unwrap_or(cell.len());
            let tag = &cell[..end];
            let repeat: usize = attr(tag, "table:number-columns-repeated")
                .and_then(|n| n.parse().ok())
                .unwrap_or(1)
                .min(64);
            let body = cell[end..]
                .split("</table:table-cell>")
                .next()
                .unwrap_or("");
            let text: Vec<String> = body
                .split("<text:p>")
                .skip(1)
                .map(|p| {
                    let p = p.split("</text:p>").next().unwrap_or_default();
                    // Drop inner tags such as <text:s/>.
                    let mut t = String::new();
                    let mut inside = false;
                    for c in p.chars() {
                        match c {
                            '<' => inside = true,
                            '>' => inside = false,
                            c if !inside => t.push(c),
                            _ => {}
                        }
                    }
                    unescape(&t)
                })
                .collect();
            let c = Cell {
                kind: attr(tag, "office:value-type").unwrap_or("").to_string(),
                value: attr(tag, "office:value").and_then(|v| v.parse().ok()),
                text: text.join("\n"),
            };
            for _ in 0..repeat {
                cells.push(c.clone());
            }
        }
        out.push(cells);
    }
    out
}
