"""Reading bond results back from plain data, checked against a recomputation.

A :class:`~hrpolicy.bonds.results.BondReview` carries its agreement, employment and
policy, and a :class:`~hrpolicy.bonds.results.SeparationSettlement` carries those of every
bond and the separation: ``from_dict(data, BondReview)`` and ``from_dict(data,
SeparationSettlement)`` recompute the result from what it carries and refuse data whose
figures, steps or findings differ (edited, or computed under other rules) with a
:class:`~hrpolicy.core.errors.ConversionError` naming the first field that differs.

A :class:`~hrpolicy.bonds.results.BondSettlement` holds no separation, so loading one on
its own checks its review only; inside a separation every bond is checked.
:class:`~hrpolicy.bonds.results.BondPlan` holds neither the employment nor the schedule it
was planned under, so it is read as it was written.

>>> import json
>>> from hrpolicy.bonds.examples import electrician_case
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> from hrpolicy.core.errors import ConversionError
>>> settled = electrician_case().settle()
>>> data = json.loads(json.dumps(to_dict(settled)))
>>> from_dict(data, SeparationSettlement) == settled
True
>>> data["total_payable"] = "3000.00"
>>> try:
...     from_dict(data, SeparationSettlement)
... except ConversionError as error:
...     print(error.errors[0])
$.total_payable: expected 1833.33 (recomputed from the case the data holds), got ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from cattrs.gen import make_dict_structure_fn

from hrpolicy.bonds.engine import _review, _weigh, review, settle
from hrpolicy.bonds.results import BondReview, SeparationSettlement
from hrpolicy.core.convert import converter
from hrpolicy.core.errors import InvalidValueError
from hrpolicy.core.records import exact_text

__all__: list[str] = []

T = TypeVar("T")


def _first_difference(stored: object, recomputed: object) -> tuple[str, object, object]:
    """The path (below the result) of the first field that differs, and both values."""
    path = ""
    while True:
        if attrs.has(type(stored)) and type(stored) is type(recomputed):
            names = [field.name for field in attrs.fields(type(stored))]  # type: ignore[arg-type]
            pairs = [(f".{n}", getattr(stored, n), getattr(recomputed, n)) for n in names]
        elif (
            isinstance(stored, tuple)
            and isinstance(recomputed, tuple)
            and len(stored) == len(recomputed)
        ):
            pairs = [
                (f"[{i}]", a, b) for i, (a, b) in enumerate(zip(stored, recomputed, strict=True))
            ]
        else:
            return path.lstrip("."), stored, recomputed
        step, stored, recomputed = next(pair for pair in pairs if pair[1] != pair[2])
        path += step


def _shown(value: object) -> object:
    if isinstance(value, tuple):
        return f"{len(value)} items"
    if attrs.has(type(value)):
        return f"another {type(value).__name__}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        return exact_text(value)
    return value


def _refuse(stored: T, recomputed: T) -> T:
    if stored == recomputed:
        return stored
    path, mine, theirs = _first_difference(stored, recomputed)
    raise InvalidValueError(
        path,
        f"{_shown(theirs)} (recomputed from the case the data holds)",
        _shown(mine),
    )


def _checked(cls: type[T], recompute: Callable[[T], T]) -> None:
    base = make_dict_structure_fn(cls, converter)

    def structure(value: Mapping[str, Any], _: Any) -> T:
        stored = base(value, cls)
        return _refuse(stored, recompute(stored))

    converter.register_structure_hook(cls, structure)


def _review_again(stored: BondReview) -> BondReview:
    """The review recomputed: as :func:`review` gives it (provisions checked against the
    signing date), or as a settlement holds it (checked against the exit date, by the
    settlement), whichever the data is."""
    alone = review(stored.agreement, stored.employment, stored.policy)
    if alone == stored:
        return alone
    settled = _review(stored.agreement, stored.employment, stored.policy, in_force_on=None)
    return settled if settled == stored else alone


def _settlement_again(stored: SeparationSettlement) -> SeparationSettlement:
    bonds = stored.bonds
    if not bonds:  # no bond: the totals weigh the separation alone
        return _weigh((), (), stored.separation)
    first = bonds[0].review
    for index, bond in enumerate(bonds):
        for name in ("employment", "policy"):
            if getattr(bond.review, name) != getattr(first, name):
                raise InvalidValueError(
                    f"bonds[{index}].review.{name}", f"the {name} of bonds[0]", name
                )
    return settle(
        [bond.review.agreement for bond in bonds], first.employment, stored.separation, first.policy
    )


_checked(BondReview, _review_again)
_checked(SeparationSettlement, _settlement_again)
