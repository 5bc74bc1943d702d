"""Formatting money, rates and dates for people, with an explicit locale (babel).

The locale is always an argument — never read from the process. Amounts are rounded half
up to 0.01 by :func:`~hrpolicy.core.money.round_money` *before* babel sees them, and babel
is told not to quantize, so babel never rounds (its own default is half-even).

>>> format_money(Decimal("1833.335"), locale="zh_CN")
'¥1,833.34'
>>> format_money(Decimal("1833.33"), locale="en")
'CN¥1,833.33'
>>> format_rate(Rate.parse("5‰"), locale="en"), format_rate(Rate.parse("1.5%"), locale="zh_CN")
('5‰', '1.5%')
>>> format_date(date(2012, 12, 7), locale="zh_CN"), format_date(date(2012, 12, 7), locale="en")
('2012年12月7日', 'December 7, 2012')
"""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from hrpolicy.core.errors import InvalidTypeError, InvalidValueError, check_date
from hrpolicy.core.label import Label
from hrpolicy.core.money import Rate, format_exact, parse_money, round_money

if TYPE_CHECKING:
    import babel

# babel is imported on first use: it is the heaviest import the library has, and most
# callers never format for display.

__all__ = ["format_date", "format_money", "format_rate"]

_CURRENCY: Final = re.compile(r"[A-Z]{3}")


def _locale(name: object) -> babel.Locale:
    if not isinstance(name, str):
        raise InvalidTypeError("locale", "a locale name such as 'zh_CN' or 'en'", name)
    return _parsed_locale(name)


@functools.lru_cache(maxsize=32)
def _parsed_locale(name: str) -> babel.Locale:
    import babel  # noqa: PLC0415 - deferred: see the note above

    try:
        return babel.Locale.parse(name)
    except (ValueError, babel.UnknownLocaleError):
        raise InvalidValueError("locale", "a locale name such as 'zh_CN' or 'en'", name) from None


def format_money(amount: Decimal, *, locale: str, currency: str = "CNY") -> str:
    """An amount with its currency sign, rounded half up to 0.01."""
    if not isinstance(currency, str) or not _CURRENCY.fullmatch(currency):
        raise InvalidValueError("currency", "an ISO 4217 code such as 'CNY'", currency)
    value = round_money(
        parse_money(amount, field="amount") if not isinstance(amount, Decimal) else amount
    )
    from babel.numbers import format_currency  # noqa: PLC0415 - deferred, see above

    return format_currency(value, currency, locale=_locale(locale), decimal_quantization=False)


def format_rate(rate: Rate | str | Decimal, *, locale: str) -> str:
    """A rate as a percentage, or per mille when it was written with ‰."""
    if not isinstance(rate, Rate):
        rate = Rate.parse(rate)
    if rate.notation.endswith("‰"):
        from babel.numbers import format_decimal  # noqa: PLC0415 - deferred, see above

        return format_decimal(
            rate.value, format="#,##0.###‰", locale=_locale(locale), decimal_quantization=False
        )
    from babel.numbers import format_percent  # noqa: PLC0415 - deferred, see above

    return format_percent(rate.value, locale=_locale(locale), decimal_quantization=False)


def format_date(day: date, *, locale: str) -> str:
    """A date in the locale's long form (``2012年12月7日``, ``December 7, 2012``)."""
    check_date(day, "day")
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415 - deferred

    return babel_format_date(day, format="long", locale=_locale(locale))


_YES: Final = Label("是", "yes")
_NO: Final = Label("否", "no")


def render_value(value: object, locale: str | None = None) -> str:
    """Render a step value as plain text. Numbers and dates are locale-free; a
    :class:`~hrpolicy.core.label.Label` (and yes/no) is shown in ``locale``, or in both
    languages when no locale is given.

    >>> render_value(Fraction(11000, 6)), render_value(Decimal("6000.00")), render_value(None)
    ('1833.3333333333…', '6000.00', '—')
    >>> render_value(Label("应付", "owed")), render_value(Label("应付", "owed"), "zh_CN")
    ('owed / 应付', '应付')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        value = _YES if value else _NO
    if isinstance(value, Label):
        return str(value) if locale is None else value.in_locale(locale)
    if isinstance(value, Fraction):
        return format_exact(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
