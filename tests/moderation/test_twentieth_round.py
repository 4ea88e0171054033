"""The twentieth round: scam warnings, residents' questions about a price and comparisons that
read as advertising."""

from __future__ import annotations

import pytest

from tests.moderation.posts import labels, rules


@pytest.mark.parametrize("text", [
    "Got a call today from the 'City of Pickering tax department' saying I owed $1,400 and had "
    "to pay in gift cards today or be arrested. Obviously a scam. The City will never ask for "
    "gift cards or Bitcoin. Call 1-888-495-8501 to report it.",
    "Attention : des textos frauduleux disent que vous avez une contravention impayée de 85 $ "
    "avec un lien bizarre. Ne cliquez pas. Vérifiez directement sur pickering.ca.",
    "SCAM ALERT: someone is texting 'your Hydro account is overdue, pay $212 now at "
    "hydro-payments.info or be cut off'. Hydro One will never text you a link like that.",
])
def test_a_scam_warning_quotes_the_scams_price_and_link_without_advertising(text: str) -> None:
    assert "commercial" not in labels(text)


@pytest.mark.parametrize("text", [
    # "not a scam" is what the offer itself says
    "Not a scam!! Brand new iPhones $300 each, call or text 905-555-0144 for pickup.",
    "Hot tub covers $150, delivery free, totally legit no scam, text 289-555-0161",
])
def test_an_offer_saying_it_is_no_scam_still_advertises(text: str) -> None:
    assert "commercial" in labels(text)


@pytest.mark.parametrize("text", [
    "Is the Family Day swim still free or is it $2 like regular public swims? And do we need "
    "to book a spot online?",
    "How much is a day pass at the pool now, still $5? Is parking free after 6?",
])
def test_a_residents_question_about_a_price_is_no_ad(text: str) -> None:
    assert "commercial" not in labels(text)


@pytest.mark.parametrize("text", [
    # an advertiser's hook is a question too, the offer follows it
    "Are you tired of high prices? Quality lawn care, free estimate, $40 a cut! Call Sam "
    "905-555-0172",
    "Need your gutters done? Licensed, insured, fair prices, $99 special this month only.",
])
def test_an_advertisers_question_still_advertises(text: str) -> None:
    assert "commercial" in labels(text)


@pytest.mark.parametrize("text", [
    "A sidewalk is cheaper than a kid getting hit. I've emailed Councillor Okafor about it.",
    "Transit would be cheaper than building another parking garage at the GO station.",
    "The Region site says book online but then says 'not available in your area'. Confused.",
])
def test_a_comparison_or_a_report_of_a_site_is_no_offer(text: str) -> None:
    assert "commercial" not in rules(text)


@pytest.mark.parametrize("text", [
    "We haul anything same day, cheaper than waiting for the city. Call Gary 289-555-0148",
    "Skate sharpening cheaper than the city's! $5/pair, pick up near Millennium Sq",
])
def test_ones_own_offer_cheaper_than_another_still_advertises(text: str) -> None:
    assert "commercial" in rules(text)
