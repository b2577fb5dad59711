"""The labelling config for the schema: every entity label with a distinct
colour, every relation label, the text with its whitespace (tabs of table
rows, blank lines) preserved so offsets shown are offsets stored."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from pipeline.schema import ENTITY_LABELS, RELATION_LABELS

COLOURS = {
    "AGENCY": "#1f77b4", "LEGAL_REF": "#9467bd", "DATE": "#2ca02c", "PERCENT": "#d62728",
    "QUOTA": "#ff7f0e", "MONEY": "#8c564b", "PERSON": "#e377c2", "TASK": "#17becf",
}  # fmt: skip


def labeling_config() -> str:
    labels = "\n".join(
        f"    <Label value={quoteattr(label)} background={quoteattr(COLOURS[label])}/>" for label in ENTITY_LABELS
    )
    relations = "\n".join(f"    <Relation value={quoteattr(label)}/>" for label in RELATION_LABELS)
    return f"""<View>
  <Relations>
{relations}
  </Relations>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <View style="white-space: pre-wrap; font-family: monospace">
    <Text name="text" value="$text" granularity="symbol"/>
  </View>
</View>
"""
