"""Quality floors on the labeled sets, so a change that breaks generalisation fails here.

dev.jsonl is what the rules were built on; the samples/probe sets were written afterwards
as unseen checks (first-pass figures in samples/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.moderation import ModerationSettings, Screener
from bot.moderation.evaluation import Evaluation
from tests.moderation.posts import DEV, SAMPLES, labeled


def evaluate(path: Path) -> Evaluation:
    screener = Screener(ModerationSettings())
    evaluation = Evaluation()
    for item in labeled(path):
        evaluation.add(item.labels or frozenset(), screener.screen(item.post).labels)
    return evaluation


@pytest.mark.skipif(not DEV.exists(), reason="shared/moderation/dev.jsonl not present")
def test_dev_set_meets_the_goals() -> None:
    evaluation = evaluate(DEV)
    assert evaluation.macro_f1 >= 0.9
    assert evaluation.accuracy >= 0.95


@pytest.mark.parametrize(
    "name",
    [f"probe{n}.jsonl" for n in ("", "2", "3", "4", "5", "6")]
    + [f"holdout_{x}.jsonl" for x in "abcde"],
)
def test_probe_sets_meet_the_goals(name: str) -> None:
    evaluation = evaluate(SAMPLES / name)
    assert evaluation.macro_f1 >= 0.85
    assert evaluation.accuracy >= 0.92


@pytest.mark.parametrize("name", ["set_w1.jsonl", "set_w2.jsonl"])
def test_fresh_sets_of_issue_15_stay_above_their_tuned_level(name: str) -> None:
    # Written by two independent writers; now also training data, so held to 0.9.
    evaluation = evaluate(SAMPLES / name)
    assert evaluation.macro_f1 >= 0.9
    assert evaluation.accuracy >= 0.95


def test_train_h_stays_above_its_tuned_level() -> None:
    # 500 varied posts by a third writer (first pass 0.767 / 0.876, samples/README.md); now
    # training data for the model and the source of rule classes, so held near its level.
    evaluation = evaluate(SAMPLES / "train_h.jsonl")
    assert evaluation.macro_f1 >= 0.88
    assert evaluation.accuracy >= 0.94


@pytest.mark.parametrize(
    ("name", "macro_f1", "accuracy"),
    [
        # First passes (samples/README.md): final_g 0.834 / 0.942; m3 0.900 / 0.940,
        # m4 0.786 / 0.893, m5 0.785 / 0.860, m6 0.843 / 0.900. Now training data for the
        # model and read for their classes, so held a little under their tuned level.
        ("final_g.jsonl", 0.88, 0.95),
        ("m3.jsonl", 0.92, 0.97),
        ("m4.jsonl", 0.85, 0.95),
        ("m5.jsonl", 0.83, 0.89),
        ("m6.jsonl", 0.89, 0.95),
        # final_h, the round's last set, scored once on main 6d9d56c (0.845 / 0.904); then
        # training data for the model only (no rule was written after reading it).
        ("final_h.jsonl", 0.88, 0.94),
        # The fourth round: set_j (first pass 0.759 / 0.803), read for the hate speech
        # rule's words and trained on; final_i, its last set, scored once on main 518d47e
        # (0.852 / 0.929), then training data for the model only.
        ("set_j.jsonl", 0.80, 0.95),
        ("final_i.jsonl", 0.86, 0.94),
        # The fifth round: train_k (first pass on fcdfed7 0.746 / 0.867), read for rule
        # classes and trained on.
        ("train_k.jsonl", 0.86, 0.96),
        # final_j, its last set, scored once on main d720e09 (0.838 / 0.927), then training
        # data (and one rule class: payment pages dressed as a public body's).
        ("final_j.jsonl", 0.88, 0.96),
        # final_k, a tenth writer's ordinary month, scored once on main 897cc24 (0.889 / 0.963),
        # then training data for the model only.
        ("final_k.jsonl", 0.88, 0.96),
        # The sixth round: train_l and train_m (first passes on 83bd1c9 0.834 / 0.897 and
        # 0.844 / 0.921), read for rule classes and trained on.
        ("train_l.jsonl", 0.87, 0.94),
        ("train_m.jsonl", 0.88, 0.96),
        # final_l, the round's last set, scored once on main 7c6e371 (0.8998 / 0.936), then
        # training data for the model only.
        ("final_l.jsonl", 0.90, 0.95),
        # The seventh round: train_n and train_o (first passes on b206c1c 0.853 / 0.922 and
        # 0.841 / 0.938), read for rule classes and trained on.
        ("train_n.jsonl", 0.87, 0.94),
        ("train_o.jsonl", 0.85, 0.95),
        # final_m, the round's last set, scored once on main 2eb6147 (0.881 / 0.940), then
        # training data (and one rule: "who gives a sh*t about...", which other sets share).
        ("final_m.jsonl", 0.88, 0.95),
        # The eighth round: train_p and train_q (first passes on 0c62f78 0.865 / 0.937 and
        # 0.880 / 0.937), read for rule classes and trained on.
        ("train_p.jsonl", 0.86, 0.94),
        ("train_q.jsonl", 0.89, 0.96),
        # final_n, the round's last set, scored once on main 3c99d82 (0.894 / 0.940), then
        # training data for the model only.
        ("final_n.jsonl", 0.89, 0.95),
        # The ninth round: train_r and train_s (first passes on 78dac12 0.719 / 0.818 and
        # 0.847 / 0.950), read for rule classes and trained on.
        ("train_r.jsonl", 0.82, 0.89),
        ("train_s.jsonl", 0.88, 0.96),
        # final_o, the round's last set, scored once on main 7d82853 (0.864 / 0.944), then
        # training data for the model only.
        ("final_o.jsonl", 0.86, 0.94),
        # The tenth round: train_t (French) and train_u (the other languages), first passes on
        # 905433e 0.695 / 0.812 and 0.636 / 0.747, read for rule classes and trained on.
        ("train_t.jsonl", 0.91, 0.93),
        ("train_u.jsonl", 0.79, 0.92),
        # final_p and final_q, the round's last sets, scored once on main be90f84 (0.883 /
        # 0.928, its English half 0.940 and French half 0.799; 0.901 / 0.958), then training
        # data (and the French classes its French half shares with the other French sets).
        ("final_p.jsonl", 0.92, 0.95),
        ("final_q.jsonl", 0.89, 0.95),
        # The eleventh round: train_v (French conversations; first pass on 3c5546d 0.840 /
        # 0.917), read for rule classes and trained on.
        ("train_v.jsonl", 0.90, 0.96),
        # final_r, the round's last set, scored once on main d3971a5 (0.883 / 0.960; English
        # half 0.925, French half 0.842), then training data and the French classes it shares.
        ("final_r.jsonl", 0.92, 0.97),
        # The twelfth round: train_w (French, hardest to tell; first pass on 78b3761 0.799 /
        # 0.818), read for rule classes and trained on.
        ("train_w.jsonl", 0.86, 0.92),
        # final_s and final_t, the round's last sets, scored once on main acd9674 (0.881 /
        # 0.965, its English half 0.904 and French half 0.849; final_t 0.612 / 0.710), then
        # training data (final_t: swearing in Russian, Ukrainian, Greek, Polish, Italian...).
        ("final_s.jsonl", 0.88, 0.96),
        ("final_t.jsonl", 0.72, 0.83),
        # The thirteenth round: train_x (the other languages, every category), train_y
        # (French from five regions) and train_z (English and French boundary cases), first
        # passes on ce8f4ba 0.630 / 0.755 and 0.834 / 0.889, on 75b9af4 0.860 / 0.925.
        ("train_x.jsonl", 0.91, 0.96),
        ("train_y.jsonl", 0.96, 0.98),
        ("train_z.jsonl", 0.92, 0.97),
        # final_u and final_v, the round's last sets, scored once on main 15b2dee (0.917 /
        # 0.949, its English half 0.949 and French half 0.882; final_v 0.725 / 0.828).
        ("final_u.jsonl", 0.91, 0.94),
        ("final_v.jsonl", 0.77, 0.88),
        # The fourteenth round: train_aa (French, harassment in all its forms; first pass on
        # 7e11b25 0.825 / 0.840, harassment recall 0.37), read for rule classes.
        ("train_aa.jsonl", 0.92, 0.98),
        # train_ab (the other languages, harassment and vulgarity first; first pass on 7e11b25
        # 0.682 / 0.783), read for rule classes.
        ("train_ab.jsonl", 0.96, 0.98),
        # final_w and final_x, the round's last sets, scored once on main 4fc7f35 (0.859 /
        # 0.912, its English half 0.875 and French half 0.842; final_x 0.662 / 0.814), then
        # training data and the classes they share with earlier sets.
        ("final_w.jsonl", 0.93, 0.97),
        ("final_x.jsonl", 0.88, 0.93),
        # The fifteenth round: train_ac (English, long and messy posts), train_ad (French,
        # every register), train_ae (the other languages), train_af (English comments under the
        # City's videos) and train_ag (French and bilingual comments); first passes 0.881,
        # 0.867 and 0.628 on a181bb8, 0.810 and 0.867 on a5f5ad0; read for rule classes and
        # trained on.
        ("train_ac.jsonl", 0.94, 0.98),
        ("train_ad.jsonl", 0.93, 0.97),
        ("train_ae.jsonl", 0.91, 0.95),
        ("train_af.jsonl", 0.88, 0.95),
        ("train_ag.jsonl", 0.92, 0.99),
        # final_y and final_z, the round's last sets, scored once on main da78d7d (0.925 /
        # 0.974, its English half 0.944 and French half 0.907; final_z 0.674 / 0.789), then
        # training data and the classes they share with earlier sets.
        ("final_y.jsonl", 0.94, 0.98),
        ("final_z.jsonl", 0.95, 0.97),
        # The sixteenth round: train_ah, train_ai and train_aj (the other languages; first
        # passes on 03a86bc 0.727, 0.666 and 0.788), trained on; no rule was written from them.
        ("train_ah.jsonl", 0.83, 0.92),
        ("train_ai.jsonl", 0.72, 0.90),
        ("train_aj.jsonl", 0.89, 0.93),
        # final_aa, the round's last set, scored once on d9e0ea8 (0.721 / 0.863; 0.666 / 0.800
        # on 03a86bc before the round), then trained on.
        ("final_aa.jsonl", 0.74, 0.86),
        # train_al, train_am and train_an (the other languages; first passes on d028782 0.398
        # / 0.630, 0.443 / 0.775 and 0.730 / 0.887; the first two lack three and four
        # categories, which count as zeros), trained on.
        ("train_al.jsonl", 0.50, 0.80),
        ("train_am.jsonl", 0.46, 0.82),
        ("train_an.jsonl", 0.79, 0.92),
        # final_ab, a second last set in the other languages, scored once on a296054 (0.754 /
        # 0.871; 0.656 / 0.811 on 03a86bc before the round), then trained on.
        ("final_ab.jsonl", 0.75, 0.87),
        # The seventeenth round: train_ao, train_ap and train_aq (first passes on 77a3164
        # 0.578, 0.436 and 0.855), final_ac (its last set, scored once on c044744: 0.726 /
        # 0.883), then train_ar, train_as and train_at (first passes on 5d4fb91 0.398, 0.623
        # and 0.718; train_ar has no vulgarity, off-topic or dismissal: three zeros), all
        # trained on; no rule was written from them.
        ("train_ao.jsonl", 0.82, 0.93),
        ("train_ap.jsonl", 0.60, 0.94),
        ("train_aq.jsonl", 0.85, 0.96),
        ("final_ac.jsonl", 0.72, 0.88),
        ("train_ar.jsonl", 0.54, 0.96),
        ("train_as.jsonl", 0.81, 0.93),
        ("train_at.jsonl", 0.80, 0.93),
        # final_ad, a second last set in the other languages, scored once on 7bf9539 (0.746 /
        # 0.847; 0.655 / 0.773 on 77a3164 before the round), then trained on.
        ("final_ad.jsonl", 0.74, 0.84),
        # The eighteenth round's eight training sets (first passes on cc4a0ad: train_au 0.495,
        # train_av 0.427, train_aw 0.852, train_ax 0.855, train_ay 0.789, train_az 0.763,
        # train_ba 0.889, train_bb 0.863; train_au and train_av lack two and three categories:
        # zeros), trained on; rules were written from the misses of all but train_au, train_av,
        # train_ay and train_ba.
        ("train_au.jsonl", 0.62, 0.90),
        ("train_av.jsonl", 0.53, 0.92),
        ("train_aw.jsonl", 0.91, 0.95),
        ("train_ax.jsonl", 0.92, 0.96),
        ("train_ay.jsonl", 0.85, 0.97),
        ("train_az.jsonl", 0.88, 0.96),
        ("train_ba.jsonl", 0.91, 0.97),
        ("train_bb.jsonl", 0.96, 0.98),
        # final_ae, the round's last set (English, French and 21 other languages), scored once
        # on 91b4804 (0.853 / 0.942; 0.844 / 0.939 on cc4a0ad before the round), then trained on.
        ("final_ae.jsonl", 0.87, 0.95),
        # final_af (other languages) and final_ag (English and French), scored once on 045ef2f
        # (0.725 / 0.890 and 0.880 / 0.950), then trained on.
        ("final_af.jsonl", 0.86, 0.96),
        ("final_ag.jsonl", 0.90, 0.97),
        # The nineteenth round's four training sets (first passes on 41e3a2d: train_bc 0.893,
        # train_bd 0.824, train_be 0.869, train_bf 0.888), trained on; rules were written from
        # the misses of all four.
        ("train_bc.jsonl", 0.92, 0.97),
        ("train_bd.jsonl", 0.87, 0.92),
        ("train_be.jsonl", 0.91, 0.96),
        ("train_bf.jsonl", 0.92, 0.97),
        # final_ah (English and French) and final_ai (English), the round's last sets, scored
        # once on ea0b6e6 (0.894 / 0.950 and 0.929 / 0.970), then trained on.
        ("final_ah.jsonl", 0.91, 0.97),
        ("final_ai.jsonl", 0.93, 0.98),
        # The twentieth round's six training sets (first passes on 0284a31: train_bi 0.841,
        # train_bj 0.844, train_bk 0.899, train_bl 0.831, train_bm 0.885, train_bn 0.866),
        # trained on; rules were written from the misses of all six.
        ("train_bi.jsonl", 0.92, 0.96),
        ("train_bj.jsonl", 0.91, 0.99),
        ("train_bk.jsonl", 0.94, 0.98),
        ("train_bl.jsonl", 0.89, 0.98),
        ("train_bm.jsonl", 0.91, 0.95),
        ("train_bn.jsonl", 0.91, 0.96),
        # final_aj (English and French) and final_ak (English), the round's last sets, scored
        # once on 1c5f745 (0.941 / 0.970 and 0.903 / 0.953), then trained on.
        ("final_aj.jsonl", 0.95, 0.98),
        ("final_ak.jsonl", 0.92, 0.97),
    ],
)
def test_third_round_sets_stay_above_their_tuned_level(
    name: str, macro_f1: float, accuracy: float
) -> None:
    evaluation = evaluate(SAMPLES / name)
    assert evaluation.macro_f1 >= macro_f1
    assert evaluation.accuracy >= accuracy


def test_civil_posts_written_to_trip_a_filter_are_rarely_flagged() -> None:
    """160 acceptable posts by a writer who saw neither rules nor model, built from the words
    a filter trips on (pill, coke, dope, bombed, heart attack...), public services' numbers,
    firm criticism of councillors, counter-speech and nine languages. 7 were flagged before
    issue 15's third round, 5 after it and 1 after the fifth (samples/README.md); kept out of
    the model's training (samples/civil/ is not read by the trainer), so this stays an unseen
    check."""
    screener = Screener(ModerationSettings())
    posts = list(labeled(SAMPLES / "civil" / "civil_probe.jsonl"))
    flagged = [item.post.post_id for item in posts if screener.screen(item.post).labels]
    assert len(posts) == 160 and not any(item.labels for item in posts)
    assert len(flagged) <= 2, flagged


def test_civil_posts_in_the_other_languages_are_rarely_flagged() -> None:
    """train_ak: 400 acceptable posts in 25 of the residents' other languages by a writer who
    saw neither rules nor model (12 flagged on 03a86bc, before the model read those languages;
    trained on since)."""
    screener = Screener(ModerationSettings())
    posts = list(labeled(SAMPLES / "train_ak.jsonl"))
    flagged = [item.post.post_id for item in posts if screener.screen(item.post).labels]
    assert len(posts) == 400 and not any(item.labels for item in posts)
    assert len(flagged) <= 14, flagged


@pytest.mark.parametrize(("name", "count", "most_flagged"), [
    # 300 acceptable posts in 20 of the residents' languages, written with the everyday words
    # that look like abuse in Latin letters: 8 flagged on 41e3a2d, 4 on adce1dd (after the
    # nineteenth round's word scan), none after rules from those four (a Punjabi dog licence,
    # a bus's number before a road, Spanish "conos", Tagalog "libreng puto").
    ("civil_bg.jsonl", 300, 1),
    # 300 acceptable posts in English and French a careless filter would remove ("'coons" in
    # the green bin, a car's "tranny mount", a breeding bitch, a dyke along the marsh, French
    # "tapettes à souris", "à 5 $"): 17 flagged on 41e3a2d, 16 on adce1dd with civil_bg's
    # rules, 8 after rules from them, 3 after the twentieth round's scam warnings and price
    # questions (left: a non-profit's book sale and a government program's site read as
    # commercial); 5 with the model trained on the round's six training sets (a woodcock's
    # sky dance "over" Rouge Park read as illegal, "a murder of crows has taken over" the
    # parking lot as harassment), 3 again with the model trained on its last sets too.
    ("civil_bh.jsonl", 300, 4),
])
def test_civil_posts_of_the_nineteenth_round_are_rarely_flagged(
    name: str, count: int, most_flagged: int
) -> None:
    """Kept out of the model's training (samples/civil/ is not read by the trainer)."""
    screener = Screener(ModerationSettings())
    posts = list(labeled(SAMPLES / "civil" / name))
    flagged = [item.post.post_id for item in posts if screener.screen(item.post).labels]
    assert len(posts) == count and not any(item.labels for item in posts)
    assert len(flagged) <= most_flagged, flagged


HATECHECK = DEV.parent.parent / "external" / "hatecheck" / "test_suite_cases.csv"


@pytest.mark.skipif(not HATECHECK.exists(), reason="shared/external/hatecheck not present")
def test_hatecheck_harassment_on_templates_the_model_never_saw_meets_the_goal() -> None:
    """HateCheck (Röttger et al. 2021): harassment F1 on the odd templates (the model trains on
    the even ones only) at least 0.90, the issue's goal; 0.886 before the model's harassment
    reading dropped function words around a group's name and stopped flagging praise of a
    group on its own, 0.910 after (docs/moderation.md, fifth round)."""
    import csv
    from datetime import UTC, datetime

    from bot.moderation import Post

    with HATECHECK.open(encoding="utf-8") as handle:
        cases = [c for c in csv.DictReader(handle) if int(float(c["templ_id"] or 0)) % 2 == 1]
    screener = Screener(ModerationSettings(enabled=("harassment",)))
    tp = fp = fn = 0
    for i, case in enumerate(cases):
        hateful = case["label_gold"] == "hateful"
        post = Post(platform="website", board="HateCheck", folder="HateCheck",
                    topic="HateCheck test case", post_id=str(i), author_id=f"hc:{i}",
                    author_name="test", text=case["test_case"].strip(),
                    created_at=datetime(2027, 1, 1, tzinfo=UTC))
        flagged = bool(screener.screen(post).labels)
        tp += hateful and flagged
        fp += flagged and not hateful
        fn += hateful and not flagged
    assert len(cases) == 1862
    assert 2 * tp / (2 * tp + fp + fn) >= 0.90
