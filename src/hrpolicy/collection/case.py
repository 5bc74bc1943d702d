"""A whole collection case as one object: the policy, the receivables and consecutive
months, each with the salespeople's facts. It is what a case file of the ``collection``
engine holds (its ``case`` section is :func:`~hrpolicy.core.convert.to_dict` of a
:class:`CollectionCase`), and what ``python -m hrpolicy run`` settles.

A case is always a run of months for a team: one month is a run of one, one salesperson
a team of one. Each person's state is carried from month to month by the run; the state
given with a person's first month is where they start (the empty state by default).

>>> from hrpolicy.collection.examples import example_bad_debt
>>> january, february, march = example_bad_debt()
>>> from hrpolicy.core.engines import engine
>>> case = engine("collection").example_case()
>>> [str(m.period) for m in case.months]
['2024-01', '2024-02', '2024-03']
>>> run = case.settle()
>>> run.statements == (january, february, march)
True
>>> run.total, run.run_of("li").state_out.to_recover
(Decimal('2000.00'), Decimal('2000.00'))
"""

from __future__ import annotations

import attrs

from hrpolicy.collection.model import CollectionInputs, CollectionState, Receivables
from hrpolicy.collection.policy import CollectionPolicy
from hrpolicy.collection.runs import TeamCollectionRun, settle_team_run
from hrpolicy.core.engines import EngineSpec
from hrpolicy.core.fields import checked, require, require_unique, typed_fields
from hrpolicy.core.period import Period
from hrpolicy.core.whatif import next_month

__all__ = ["ENGINES", "CollectionCase", "CollectionMonth"]


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionMonth:
    """One month of a collection case: the month and each salesperson's facts for it.

    Attributes:
        period: the month (a :class:`~hrpolicy.core.period.Period` with a month).
        inputs: one :class:`~hrpolicy.collection.CollectionInputs` per salesperson listed
            that month (at most one per employee). A person is in the run from the first
            month they are listed; a later month they are not listed in is settled with
            empty facts and their carried state. Give a ``state`` only with a person's
            first month.
    """

    period: Period
    inputs: tuple[CollectionInputs, ...] = ()

    def __attrs_post_init__(self) -> None:
        require(
            self.period.is_month,
            "CollectionMonth.period",
            "a month (collection statements are monthly)",
            self.period,
        )
        require_unique([i.employee for i in self.inputs], "CollectionMonth.inputs", "employee")


@checked
@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class CollectionCase:
    """Everything needed to settle a team's months of collection-linked pay.

    Attributes:
        policy: the :class:`~hrpolicy.collection.CollectionPolicy`.
        receivables: every invoice of the customers concerned, with payments, reversals,
            credit notes and write-offs (:class:`~hrpolicy.collection.Receivables`); each
            month reads the events up to its last day.
        months: the consecutive months of the run, in order, each with the salespeople's
            facts (:class:`CollectionMonth`); at least one.
    """

    policy: CollectionPolicy
    receivables: Receivables
    months: tuple[CollectionMonth, ...]

    def __attrs_post_init__(self) -> None:
        require(bool(self.months), "CollectionCase.months", "at least one month", self.months)
        for index in range(1, len(self.months)):
            before = self.months[index - 1].period
            require(
                self.months[index].period == next_month(before),
                f"CollectionCase.months[{index}].period",
                f"the month after {before} (consecutive months, in order)",
                self.months[index].period,
            )

    def settle(self) -> TeamCollectionRun:
        """Settle the months one after the other (see
        :func:`hrpolicy.collection.settle_team_run`)."""
        return settle_team_run(
            self.policy,
            [month.period for month in self.months],
            self.receivables,
            {month.period: month.inputs for month in self.months},
        )


_EMPTY = CollectionState()


def _example_case() -> CollectionCase:
    """:func:`~hrpolicy.collection.examples.example_bad_debt` as a case: its policy,
    receivables and each month's inputs (the state the example chains taken out)."""
    from hrpolicy.collection.examples import example_bad_debt  # noqa: PLC0415 - loaded on use

    statements = example_bad_debt()
    months = tuple(
        CollectionMonth(
            period=statement.period,
            inputs=(
                statement.inputs if index == 0 else attrs.evolve(statement.inputs, state=_EMPTY),
            ),
        )
        for index, statement in enumerate(statements)
    )
    first = statements[0]
    return CollectionCase(policy=first.policy, receivables=first.receivables, months=months)


#: The collection engine as the boundary (case files, the command line, schemas) sees it.
ENGINES = (
    EngineSpec(
        name="collection",
        summary="settle a team's collection-linked pay over consecutive months under a policy",
        case_type=CollectionCase,
        policy_types=(CollectionPolicy,),
        result_type=TeamCollectionRun,
        run=CollectionCase.settle,
        example_case=_example_case,
    ),
)
