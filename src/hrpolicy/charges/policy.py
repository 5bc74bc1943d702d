"""The options of the charges engine: every point where practice splits, with the
protective default.

:class:`ChargePolicy` holds them; each settlement reports the options it ran under in its
first explanation step, and an option set away from its default is named there.
"""

from __future__ import annotations

import attrs

from hrpolicy.core.choice import Choice
from hrpolicy.core.fields import policy_checked, require, typed_fields
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate
from hrpolicy.core.options import departures, options_label

__all__ = ["ChargePolicy", "FineRule", "PenaltyAndLoss", "Region"]


class FineRule(Choice):
    """Fines under a labour relationship. ``UNLAWFUL`` (the default): no fine has a legal
    basis since the Enterprise Employee Rewards and Penalties Regulations were repealed
    (Decree No. 516, 2008). ``CONTESTED_IN_DEMOCRATIC_RULES``: a fine written in rules
    adopted through the democratic procedure (LCL 4) stands, marked contested, as some
    courts have held; any other fine is still unlawful."""

    UNLAWFUL = "unlawful"
    CONTESTED_IN_DEMOCRATIC_RULES = "contested_in_democratic_rules"


class PenaltyAndLoss(Choice):
    """A penalty and proven loss for the same breach. ``NOT_CUMULATED`` (the default): the
    claim is the larger of the two — a penalty compensates the loss, and one below the
    loss may be raised to it (Civil Code 585(2)). ``CUMULATED``: both are claimed."""

    NOT_CUMULATED = "not_cumulated"
    CUMULATED = "cumulated"


class Region(Choice):
    """Where the work is. ``GUANGDONG``: rules providing for fines, and fines imposed, are
    sanctioned by the province's labour-security supervision regulations (Art. 51), so a
    fine is unlawful whatever :class:`FineRule` says."""

    GENERAL = "general"
    GUANGDONG = "guangdong"


def _thirty_percent() -> Rate:
    return Rate.parse("30%")


@policy_checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ChargePolicy:
    """Every switchable reading of the charges engine.

    - ``fines`` — a fine under a labour relationship is unlawful (default), or contested
      where it is in democratically adopted rules;
    - ``penalty_and_loss`` — a penalty and the proven loss for one breach are not
      cumulated (default: the larger is claimed), or cumulated;
    - ``excessive_above_loss`` — under labour service, an agreed penalty more than this
      share above the proven loss is flagged as excessive (30 %, SPC-Contract Art. 65(2));
    - ``region`` — ``GUANGDONG`` makes every fine unlawful (GD-LSS Art. 51).
    """

    fines: FineRule = FineRule.UNLAWFUL
    penalty_and_loss: PenaltyAndLoss = PenaltyAndLoss.NOT_CUMULATED
    excessive_above_loss: Rate = attrs.field(factory=_thirty_percent)
    region: Region = Region.GENERAL
    name: str = ""

    def __attrs_post_init__(self) -> None:
        require(
            self.excessive_above_loss.value >= 0,
            "ChargePolicy.excessive_above_loss",
            "a share of 0 % or more",
            self.excessive_above_loss,
        )

    def departures(self) -> tuple[str, ...]:
        """The options set away from their defaults, as ``option=value``."""
        fields = [f.name for f in attrs.fields(ChargePolicy) if f.name != "name"]
        return departures(self, _DEFAULTS, fields)

    def summary(self) -> Label:
        """``protective defaults``, or the options that depart from them, in both languages."""
        default = Label(zh_CN="保护劳动者的默认选项", en="protective defaults")
        return options_label(self.departures(), name=self.name, default=default)


_DEFAULTS = ChargePolicy()
