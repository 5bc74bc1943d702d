"""Charges settlements read back from plain data, checked against a recomputation.

A :class:`~hrpolicy.charges.results.ChargeSettlement` holds the case it settles and the
options it was settled under: ``from_dict(data, ChargeSettlement)`` builds the stored
settlement, settles the stored case afresh under the stored policy, and refuses data whose
figures, steps or findings differ (edited, or computed under other rules) with a
:class:`~hrpolicy.core.errors.ConversionError` naming the first place they differ.

>>> import json
>>> from hrpolicy.charges import ChargeSettlement
>>> from hrpolicy.charges.examples import part_time_lost_materials_case
>>> from hrpolicy.core.convert import from_dict, to_dict
>>> settled = part_time_lost_materials_case().settle()
>>> data = json.loads(json.dumps(to_dict(settled)))
>>> from_dict(data, ChargeSettlement) == settled
True
>>> data["to_return"] = "800.00"
>>> from_dict(data, ChargeSettlement)
Traceback (most recent call last):
...
hrpolicy.core.errors.ConversionError: ChargeSettlement: cannot build from the data given:
$.to_return: expected 860.00, as recomputed from the stored case and policy (the data was
edited, or computed under other rules), got Decimal 800.00
"""

from __future__ import annotations

from hrpolicy.charges.engine import settle_charges
from hrpolicy.charges.results import ChargeSettlement
from hrpolicy.core.statement import register_recomputed

__all__: list[str] = []


def _settlement(stored: ChargeSettlement) -> ChargeSettlement:
    return settle_charges(stored.case, stored.policy)


register_recomputed(ChargeSettlement, _settlement, "the stored case and policy")
