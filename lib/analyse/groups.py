"""Outlets grouped by what they are: each stored outlet matched to the user's description of it (its name, an alias
or its domain, compared through lib.domain.outlets' identity rule), so any described attribute (type, country,
ownership, a lean rating) can group coverage."""
from __future__ import annotations

import pandas as pd

from lib.domain.outlets import canonical_outlet, outlet_label

UNDESCRIBED = "(not described)"  # the group of an outlet the outlets file does not describe, or leaves blank


def outlet_groups(outlets, described: pd.DataFrame, attribute: str) -> pd.Series:
    """For each stored outlet name, its value of ``attribute`` in the outlets file (UNDESCRIBED when none)."""
    outlets = pd.Series(outlets, dtype=object)
    if described.empty or attribute not in described.columns:
        return pd.Series(UNDESCRIBED, index=outlets.index, dtype=object)
    value_of = {}
    for row in described.to_dict("records"):
        value = row[attribute]
        for name in (row["outlet"], *row["aliases"]):
            key = canonical_outlet(name)
            if key and key.casefold() not in value_of:
                value_of[key.casefold()] = value
    keys = outlets.map(lambda o: (canonical_outlet(o) or "").casefold() if isinstance(o, str) else "")
    return keys.map(lambda k: value_of.get(k) or UNDESCRIBED).astype(object)


def group_attributes(described: pd.DataFrame) -> list[str]:
    """The attributes an outlets file gives, in its column order (outlet and aliases are not groupings)."""
    return [c for c in described.columns if c not in ("outlet", "aliases")]


def group_labels(outlets: pd.Series, sides: dict) -> pd.Series:
    """Each outlet's group in ``sides`` (outlet -> group), UNDESCRIBED for an outlet it lacks."""
    return outlets.map(lambda o: sides.get(o, UNDESCRIBED)).astype(object)


def regroup(frame: pd.DataFrame, sides: dict | None, columns=("outlet",), named_in: str | None = None) -> pd.DataFrame:
    """``frame`` with each of ``columns`` (outlet names) replaced by the outlet's group in ``sides`` (outlet -> group,
    UNDESCRIBED for an outlet it lacks), the outlet's own name put before the text of column ``named_in`` (a title:
    "Outlet: title") so a grouped view still says who published what; ``frame`` itself when there is no grouping."""
    if sides is None:
        return frame
    changed = {c: group_labels(frame[c], sides) for c in columns}
    if named_in is not None:
        changed[named_in] = [f"{outlet_label(o)}: {t}" if isinstance(t, str) else outlet_label(o)
                             for o, t in zip(frame[columns[0]], frame[named_in])]
    return frame.assign(**changed)
