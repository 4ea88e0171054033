"""Screening quality on the labeled development set, beside the baselines, and harassment on
HateCheck as an outside check of generalisation.

    .venv/bin/python benchmarks/moderation_quality.py [--dev PATH] [--hatecheck PATH]

Prints precision/recall/F1 per category and macro, remove/keep accuracy (on the whole set,
on its first two thirds and on its last third), the same figures for each baseline on the
categories it covers (better-profanity 0.6.1 and alt-profanity-check for vulgarity and
harassment, a plain phonenumbers match for personal_info), and HateCheck harassment
precision/recall/F1 for the screener and alt-profanity-check. Baselines whose package is
missing are skipped with a message. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.moderation import ModerationSettings, Post, Screener  # noqa: E402
from bot.moderation.dataset import LabeledPost, read_posts  # noqa: E402
from bot.moderation.evaluation import Counts, Evaluation  # noqa: E402
from bot.moderation.model import Category  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "moderation" / "dev.jsonl"
HATECHECK = SHARED / "external" / "hatecheck" / "test_suite_cases.csv"
# Sets written after the rules, each as an unseen check of the rules of its day (see
# tests/moderation/samples): reported beside dev so generalisation stays visible.
PROBES = sorted((ROOT / "tests" / "moderation" / "samples").glob("probe*.jsonl"))
# Larger held-out sets, each scored once before the rules were changed for it: the first-pass
# figures below are the honest estimate for posts nobody has seen; the current figures are
# after tuning on them.
HOLDOUTS = (
    sorted((ROOT / "tests" / "moderation" / "samples").glob("holdout_*.jsonl"))
    + sorted((ROOT / "tests" / "moderation" / "samples").glob("set_*.jsonl"))
    + sorted((ROOT / "tests" / "moderation" / "samples").glob("train_*.jsonl"))
    + sorted((ROOT / "tests" / "moderation" / "samples").glob("final_*.jsonl"))
    + sorted((ROOT / "tests" / "moderation" / "samples").glob("m[0-9]*.jsonl"))
)
FIRST_PASS = {
    "holdout_a": {"macro_f1": 0.815, "accuracy": 0.840},
    "holdout_b": {"macro_f1": 0.708, "accuracy": 0.773},
    "holdout_c": {"macro_f1": 0.840, "accuracy": 0.825},
    "holdout_d": {"macro_f1": 0.892, "accuracy": 0.847},
    "holdout_e": {"macro_f1": 0.787, "accuracy": 0.788},
    # issue 15: two independent writers, scored at commit 64f376e before any change for them
    "set_w1": {"macro_f1": 0.768, "accuracy": 0.877},
    "set_w2": {"macro_f1": 0.800, "accuracy": 0.908},
    # issue 15, second round: 500 varied training posts by another writer, scored on main
    # (cc0aa69) before anything was changed for them
    "train_h": {"macro_f1": 0.767, "accuracy": 0.876},
    # the last sets of the first and second rounds, each scored once on the merged code
    "final_f": {"macro_f1": 0.891, "accuracy": 0.950},
    "final_g": {"macro_f1": 0.834, "accuracy": 0.942},
    # the third round's last set (260 posts, written blind), scored once on main 6d9d56c
    "final_h": {"macro_f1": 0.845, "accuracy": 0.904},
    # issue 15, third round: four writers with different briefs, scored once by the
    # coordinator on main 750c170 before anyone working on the screener saw them
    "m3": {"macro_f1": 0.900, "accuracy": 0.940},
    "m4": {"macro_f1": 0.786, "accuracy": 0.893},
    "m5": {"macro_f1": 0.785, "accuracy": 0.860},
    "m6": {"macro_f1": 0.843, "accuracy": 0.900},
    # issue 15, fourth round: posts about communities by a sixth writer, scored on main
    # cc33019 before anything was changed for them; the round's last set (a seventh writer),
    # scored once on main 518d47e after every change of the round was merged
    "set_j": {"macro_f1": 0.759, "accuracy": 0.803},
    "final_i": {"macro_f1": 0.852, "accuracy": 0.929},
    # issue 15, fifth round: an eighth writer's 'hard middle' (train_k), scored on main fcdfed7
    # before anything was changed for it
    "train_k": {"macro_f1": 0.746, "accuracy": 0.867},
    # the fifth round's last set (a ninth writer), scored once on main d720e09 after every
    # change of the round was merged
    "final_j": {"macro_f1": 0.838, "accuracy": 0.927},
    # a tenth writer's ordinary month, written after final_j's rules and scored once on main
    # 897cc24
    "final_k": {"macro_f1": 0.889, "accuracy": 0.963},
    # issue 15, sixth round: two writers' training sets, each scored on main 83bd1c9 before
    # anything was changed for it (train_l: what crosses the line; train_m: conversations)
    "train_l": {"macro_f1": 0.834, "accuracy": 0.897},
    "train_m": {"macro_f1": 0.844, "accuracy": 0.921},
    # the sixth round's last set (a thirteenth writer's spring and summer), scored once on
    # main 7c6e371 after every change of the round (0.8998 before rounding)
    "final_l": {"macro_f1": 0.900, "accuracy": 0.936},
    # issue 15, seventh round: two writers' training sets scored on main b206c1c before
    # anything was changed for them (train_n: named people; train_o: offers and asks)
    "train_n": {"macro_f1": 0.853, "accuracy": 0.922},
    "train_o": {"macro_f1": 0.841, "accuracy": 0.938},
    # the seventh round's last set (a sixteenth writer's autumn into winter), scored once on
    # main 2eb6147 after every change of the round
    "final_m": {"macro_f1": 0.881, "accuracy": 0.940},
    # issue 15, eighth round: two writers' training sets scored on main 0c62f78 before
    # anything was changed for them (train_p: hard negatives; train_q: housekeeping)
    "train_p": {"macro_f1": 0.865, "accuracy": 0.937},
    "train_q": {"macro_f1": 0.880, "accuracy": 0.937},
    # the eighth round's last set (a nineteenth writer's week after a council decision),
    # scored once on main 3c99d82 after every change of the round
    "final_n": {"macro_f1": 0.894, "accuracy": 0.940},
    # issue 15, ninth round: two writers' training sets scored on main 78dac12 before anything
    # was changed for them (train_r: residents in their own languages; train_s: disguises)
    "train_r": {"macro_f1": 0.719, "accuracy": 0.818},
    "train_s": {"macro_f1": 0.847, "accuracy": 0.950},
    # the ninth round's last set (a twenty-second writer's late winter on the social
    # channels), scored once on main 7d82853 after every change of the round
    "final_o": {"macro_f1": 0.864, "accuracy": 0.944},
    # issue 15, tenth round: two writers' training sets scored on main 905433e before anything
    # was changed for them (train_t: French only; train_u: the other languages, swearing,
    # slurs and threats above all)
    "train_t": {"macro_f1": 0.695, "accuracy": 0.812},
    "train_u": {"macro_f1": 0.636, "accuracy": 0.747},
    # the tenth round's last sets, scored once on main be90f84 after every change of the
    # round: final_p, half English (pe-) and half French (pf-) by one writer (English half
    # 0.940 / 0.969, French half 0.799 / 0.888), and final_q, long English threads
    "final_p": {"macro_f1": 0.883, "accuracy": 0.928},
    "final_q": {"macro_f1": 0.901, "accuracy": 0.958},
    # issue 15, eleventh round: a writer's French conversations, scored on main 3c5546d before
    # anything was changed for it
    "train_v": {"macro_f1": 0.840, "accuracy": 0.917},
    # the eleventh round's last set, half English (re-) and half French (rf-) by one writer,
    # scored once on main d3971a5 (English half 0.925 / 0.975, French half 0.842 / 0.945)
    "final_r": {"macro_f1": 0.883, "accuracy": 0.960},
    # issue 15, twelfth round: French that is hardest to tell (illegal said casually, threats,
    # insults, generalisations, and their near misses), scored on main 78b3761
    "train_w": {"macro_f1": 0.799, "accuracy": 0.818},
    # the twelfth round's last sets, scored once on main acd9674: final_s, half English (se-)
    # and half French (sf-) by one writer (English 0.904 / 0.975, French 0.849 / 0.954), and
    # final_t, the residents' other languages (swearing, slurs and threats above all)
    "final_s": {"macro_f1": 0.881, "accuracy": 0.965},
    "final_t": {"macro_f1": 0.612, "accuracy": 0.710},
    # issue 15, thirteenth round: two writers' training sets scored on main ce8f4ba before
    # anything was changed for them (train_x: every category in the residents' other
    # languages; train_y: French from five regions, weighted on harassment and illegal)
    "train_x": {"macro_f1": 0.630, "accuracy": 0.755},
    "train_y": {"macro_f1": 0.834, "accuracy": 0.889},
    # a third training set of the round, half English (ze-) and half French (zf-): the
    # boundary cases moderators argue about, scored on main 75b9af4 (English 0.884 / 0.948,
    # French 0.832 / 0.901)
    "train_z": {"macro_f1": 0.860, "accuracy": 0.925},
    # the thirteenth round's last sets, scored once on main 15b2dee after every change of the
    # round (the model retrained): final_u, half English (ue-) and half French (uf-) by one
    # writer (English 0.949 / 0.975, French 0.882 / 0.924), and final_v, the residents' other
    # languages
    "final_u": {"macro_f1": 0.917, "accuracy": 0.949},
    "final_v": {"macro_f1": 0.725, "accuracy": 0.828},
    # issue 15, fourteenth round: two writers' training sets scored on main 7e11b25 before
    # anything was changed for them (train_aa: French, weighted on harassment in all its
    # forms, harassment recall 0.37; train_ab: the residents' other languages, harassment
    # and vulgarity first)
    "train_aa": {"macro_f1": 0.825, "accuracy": 0.840},
    "train_ab": {"macro_f1": 0.682, "accuracy": 0.783},
    # the fourteenth round's last sets, scored once on main 4fc7f35 after every change of the
    # round (the model retrained): final_w, half English (we) and half French (wf) by one
    # writer (English 0.875 / 0.925, French 0.842 / 0.900), and final_x, the residents'
    # other languages
    "final_w": {"macro_f1": 0.859, "accuracy": 0.912},
    "final_x": {"macro_f1": 0.662, "accuracy": 0.814},
    # the fifteenth round's training sets, each scored once before anything changed for it:
    # train_ac (English), train_ad (French) and train_ae (the other languages) on a181bb8,
    # train_af (English comments) and train_ag (French and bilingual) on a5f5ad0
    "train_ac": {"macro_f1": 0.881, "accuracy": 0.920},
    "train_ad": {"macro_f1": 0.867, "accuracy": 0.947},
    "train_ae": {"macro_f1": 0.628, "accuracy": 0.760},
    "train_af": {"macro_f1": 0.810, "accuracy": 0.893},
    "train_ag": {"macro_f1": 0.867, "accuracy": 0.960},
    # the fifteenth round's last sets, scored once on main da78d7d after every change of the
    # round (the model retrained with its training sets): final_y, English (ye, 190 posts)
    # then French (yf, 150) by one writer (English 0.944 / 0.968, French 0.907 / 0.980), and
    # final_z, the residents' other languages
    "final_y": {"macro_f1": 0.925, "accuracy": 0.974},
    "final_z": {"macro_f1": 0.674, "accuracy": 0.789},
    # the sixteenth round's training sets, the residents' other languages, scored once on
    # main 03a86bc before anything changed for them: train_ah (25 languages, half keep),
    # train_ai (75 % keep), train_aj (written in Latin letters, mixed with English);
    # train_ak, 400 civil posts only (accuracy 0.970: 12 flagged), has no macro F1
    "train_ah": {"macro_f1": 0.727, "accuracy": 0.836},
    "train_ai": {"macro_f1": 0.666, "accuracy": 0.887},
    "train_aj": {"macro_f1": 0.788, "accuracy": 0.845},
    # the sixteenth round's last set, the residents' other languages (25, 12 posts each),
    # written at the start of the round and scored once on d9e0ea8 after the round's changes
    # (the model reading every language, the masked word): 0.666 / 0.800 on 03a86bc before
    "final_aa": {"macro_f1": 0.721, "accuracy": 0.863},
    # three more training sets in the other languages, scored once on main d028782 (the
    # round's code) before anything changed for them: train_al (personal attacks, threats
    # and illegal acts with no swear word; no vulgarity, off-topic or dismissal in it, so its
    # macro F1 counts three zeros), train_am (off-topic, clutter, dismissals, ads and contacts
    # only: four zeros), train_an (an ordinary season, every category)
    "train_al": {"macro_f1": 0.398, "accuracy": 0.630},
    "train_am": {"macro_f1": 0.443, "accuracy": 0.775},
    "train_an": {"macro_f1": 0.730, "accuracy": 0.887},
    # a second last set in the other languages (25 languages), written at the same time as
    # those three and scored once on a296054 (the model retrained with them): 0.656 / 0.811 on
    # 03a86bc before the round, 0.747 / 0.868 on d028782
    "final_ab": {"macro_f1": 0.754, "accuracy": 0.871},
    # the seventeenth round's training sets, scored once on main 77a3164 before anything
    # changed for them: train_ao (the other languages, harassment in all its forms, mostly
    # without a swear word), train_ap (the other languages, illegal acts, ads, contacts,
    # off-topic and dismissals: no harassment or vulgarity in it, two zeros), train_aq
    # (English code-switched with the residents' languages, and those in Latin letters)
    "train_ao": {"macro_f1": 0.578, "accuracy": 0.660},
    "train_ap": {"macro_f1": 0.436, "accuracy": 0.765},
    "train_aq": {"macro_f1": 0.855, "accuracy": 0.927},
    # the seventeenth round's last set, the residents' other languages (25, 12 posts each),
    # written at the start of the round and scored once on c044744 after the round's change
    # (the model's vocabulary holding the other languages' own n-grams, heard on any post it
    # knows some of): 0.636 / 0.813 on 77a3164 before
    "final_ac": {"macro_f1": 0.726, "accuracy": 0.883},
    # three more training sets in the other languages, scored once on main 5d4fb91 (the
    # round's code) before anything changed for them: train_ar (illegal acts said plainly and
    # their look-alikes; no vulgarity, off-topic or dismissal in it: three zeros), train_as
    # (14 languages in scripts of their own: Telugu to Armenian), train_at (a summer month)
    "train_ar": {"macro_f1": 0.398, "accuracy": 0.693},
    "train_as": {"macro_f1": 0.623, "accuracy": 0.760},
    "train_at": {"macro_f1": 0.718, "accuracy": 0.888},
    # a second last set of the round (25 languages, 12 posts each), written beside those
    # three and scored once on 7bf9539 (the model retrained with them): 0.655 / 0.773 on
    # 77a3164 before the round, 0.709 / 0.840 on c044744
    "final_ad": {"macro_f1": 0.746, "accuracy": 0.847},
    # the eighteenth round's training sets, scored once on main cc4a0ad before anything changed
    # for them: train_au (contacts of every kind in 25 languages; no off-topic or dismissal:
    # two zeros), train_av (insults without a swear word and illegal acts said plainly, 26
    # languages; no personal information, off-topic or dismissal: three zeros), train_aw
    # (English, the hard forms first), train_ax (French, the hard forms first)
    "train_au": {"macro_f1": 0.495, "accuracy": 0.840},
    "train_av": {"macro_f1": 0.427, "accuracy": 0.726},
    "train_aw": {"macro_f1": 0.852, "accuracy": 0.898},
    "train_ax": {"macro_f1": 0.855, "accuracy": 0.915},
    # four more training sets of the round, scored once on cc4a0ad the same way: train_ay (an
    # ordinary autumn month in 22 of the residents' languages), train_az (those languages in
    # Latin letters, and code-switched), train_ba (an ordinary English month), train_bb
    # (off-topic, clutter and dismissals, English and French)
    "train_ay": {"macro_f1": 0.789, "accuracy": 0.924},
    "train_az": {"macro_f1": 0.763, "accuracy": 0.875},
    "train_ba": {"macro_f1": 0.889, "accuracy": 0.950},
    "train_bb": {"macro_f1": 0.863, "accuracy": 0.920},
    # the eighteenth round's last set (half English, a quarter French, a quarter in 21 of the
    # residents' other languages), written at the start of the round and scored once on
    # 91b4804 after the round's rules and model (0.844 / 0.939 on cc4a0ad before): English
    # 0.868 / 0.944 (0.868), French 0.817 / 0.944 (0.786), other languages 0.856 / 0.933 (0.851)
    "final_ae": {"macro_f1": 0.853, "accuracy": 0.942},
    # two more last sets of the round, written while final_ae was being trained on and scored
    # once on 045ef2f (the round's last code and model): final_af, the residents' other
    # languages (25, 12 posts each; 0.742 / 0.887 on cc4a0ad before the round: the model's
    # illegal threshold there rose from 0.70 to 0.85 with the round's data, illegal 0.53 ->
    # 0.35), and final_ag, 200 English (ge-) and 100 French (gf-) posts (0.883 / 0.943 on
    # cc4a0ad; English half 0.868 / 0.945 against 0.877, French 0.911 / 0.960 against 0.907)
    "final_af": {"macro_f1": 0.725, "accuracy": 0.890},
    "final_ag": {"macro_f1": 0.880, "accuracy": 0.950},
    # the nineteenth round's training sets, scored once on main 41e3a2d before anything changed
    # for them: train_bc (an ordinary English month), train_bd (English, the hard middle),
    # train_be (French as Franco-Ontarians, Quebecers, Africans and Haitians write it), train_bf
    # (short social-media comments)
    "train_bc": {"macro_f1": 0.893, "accuracy": 0.965},
    "train_bd": {"macro_f1": 0.824, "accuracy": 0.890},
    "train_be": {"macro_f1": 0.869, "accuracy": 0.937},
    "train_bf": {"macro_f1": 0.888, "accuracy": 0.948},
    # the nineteenth round's last sets, written at its start and scored once on ea0b6e6 after
    # its rules and model: final_ah, 200 English and 100 French posts (0.892 / 0.947 on 41e3a2d
    # before the round; English 0.887 against 0.884, French 0.917 both), and final_ai, 300
    # English posts (0.926 / 0.967 before)
    "final_ah": {"macro_f1": 0.894, "accuracy": 0.950},
    "final_ai": {"macro_f1": 0.929, "accuracy": 0.970},
}

# The goals (issue 15): macro F1 at least 0.90 on fresh sets, HateCheck harassment F1 0.90.
GOALS = {"macro_f1_on_fresh_sets": 0.90, "hatecheck_harassment_f1": 0.90}

Predictor = Callable[[Sequence[str]], list[bool]]


def screen_dev(posts: Sequence[LabeledPost]) -> dict[str, Evaluation]:
    """Screen in file order (duplicates depend on it); score whole, first 2/3, last 1/3."""
    screener = Screener(ModerationSettings())
    cut = len(posts) * 2 // 3
    parts = {"all": Evaluation(), "first_two_thirds": Evaluation(), "last_third": Evaluation()}
    for index, labeled in enumerate(posts):
        predicted = screener.screen(labeled.post).labels
        gold = labeled.labels or frozenset()
        parts["all"].add(gold, predicted)
        parts["first_two_thirds" if index < cut else "last_third"].add(gold, predicted)
    return parts


def baselines() -> dict[str, tuple[tuple[Category, ...], Predictor]]:
    found: dict[str, tuple[tuple[Category, ...], Predictor]] = {}
    try:
        from better_profanity import profanity

        profanity.load_censor_words()
        found["better-profanity"] = (
            ("vulgarity", "harassment"),
            lambda texts: [bool(profanity.contains_profanity(t)) for t in texts],
        )
    except ImportError:
        print("skipped better-profanity: package not installed "
              "(pip install better-profanity==0.6.1)")
    try:
        from profanity_check import predict

        found["alt-profanity-check"] = (
            ("vulgarity", "harassment"),
            lambda texts: [bool(x) for x in predict(list(texts))],
        )
    except ImportError:
        print("skipped alt-profanity-check: package not installed "
              "(pip install alt-profanity-check)")
    import phonenumbers

    found["phonenumbers"] = (
        ("personal_info",),
        lambda texts: [any(True for _ in phonenumbers.PhoneNumberMatcher(t, "CA")) for t in texts],
    )
    return found


def score_baseline(
    posts: Sequence[LabeledPost], categories: tuple[Category, ...], predict: Predictor
) -> Evaluation:
    evaluation = Evaluation(categories=categories)
    flags = predict([p.post.text for p in posts])
    for labeled, flagged in zip(posts, flags, strict=True):
        gold = (labeled.labels or frozenset()) & set(categories)
        evaluation.add(gold, set(categories) if flagged else set())
    return evaluation


def baseline_accuracy(posts: Sequence[LabeledPost], predict: Predictor) -> float:
    """Remove/keep accuracy if the baseline alone decided."""
    flags = predict([p.post.text for p in posts])
    right = sum(bool(p.labels) == flag for p, flag in zip(posts, flags, strict=True))
    return right / len(posts)


def hatecheck(path: Path, extra: dict[str, Predictor]) -> dict[str, dict[str, float | int]]:
    with path.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    # The learned model trains on the even templates (benchmarks/train_moderation_model.py):
    # only the odd ones are scored, so the figure is for sentence shapes it never saw.
    cases = [case for case in cases if int(float(case["templ_id"] or 0)) % 2 == 1]
    texts = [case["test_case"].strip() for case in cases]
    gold = [case["label_gold"] == "hateful" for case in cases]
    screener = Screener(ModerationSettings(enabled=("harassment",)))
    ours = [
        bool(screener.screen(_bare_post(str(i), text)).labels) for i, text in enumerate(texts)
    ]
    results = {"screener": _binary(gold, ours)}
    for name, predict in extra.items():
        results[name] = _binary(gold, predict(texts))
    return results


def _bare_post(post_id: str, text: str) -> Post:
    return Post(
        platform="website", board="HateCheck", folder="HateCheck", topic="HateCheck test case",
        post_id=post_id, author_id=f"hc:{post_id}", author_name="test", text=text,
        created_at=datetime(2027, 1, 1, tzinfo=UTC),
    )  # fmt: skip


def _binary(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float | int]:
    counts = Counts()
    for g, p in zip(gold, predicted, strict=True):
        counts.tp += g and p
        counts.fp += p and not g
        counts.fn += g and not p
    return counts.as_dict()


def screen_file(path: Path) -> Evaluation:
    with path.open(encoding="utf-8") as handle:
        return screen_dev(list(read_posts(handle)))["all"]


def _table(title: str, evaluation: Evaluation, *, accuracy: bool = True) -> None:
    figures = f"macro F1 {evaluation.macro_f1:.3f}"
    if accuracy:
        figures += f", remove/keep accuracy {evaluation.accuracy:.3f}"
    print(f"\n{title}  ({figures}, {evaluation.posts} posts)")
    print(f"  {'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for category in evaluation.categories:
        c = evaluation.counts.get(category, Counts())
        print(f"  {category:<14}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp + c.fn:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--hatecheck", type=Path, default=HATECHECK)
    args = parser.parse_args()
    with args.dev.open(encoding="utf-8") as handle:
        posts = list(read_posts(handle))
    parts = screen_dev(posts)
    for name, evaluation in parts.items():
        _table(f"screener, {name.replace('_', ' ')}", evaluation)
    probes = {path.stem: screen_file(path) for path in PROBES}
    for name, evaluation in probes.items():
        _table(f"screener, {name} (first-pass figure: tests/moderation/samples/README.md)",
               evaluation)
    holdouts = {path.stem: screen_file(path) for path in HOLDOUTS}
    for name, evaluation in holdouts.items():
        first = FIRST_PASS.get(name, {})
        _table(f"screener, {name} (first pass: macro F1 {first.get('macro_f1')}, "
               f"accuracy {first.get('accuracy')}; goal on fresh sets: macro F1 "
               f"{GOALS['macro_f1_on_fresh_sets']})", evaluation)
    result: dict[str, object] = {
        "dev": {name: e.as_dict() for name, e in parts.items()},
        "probes": {name: e.as_dict() for name, e in probes.items()},
        "holdouts": {
            name: {**e.as_dict(), "first_pass": FIRST_PASS.get(name)}
            for name, e in holdouts.items()
        },
        "baselines": {},
        "goals": GOALS,
    }
    found = baselines()
    for name, (categories, predict) in found.items():
        evaluation = score_baseline(posts, categories, predict)
        _table(f"baseline {name}", evaluation, accuracy=False)
        accuracy = baseline_accuracy(posts, predict)
        print(f"  remove/keep accuracy if it alone decided: {accuracy:.3f}")
        summary = evaluation.as_dict()
        del summary["accuracy"]  # scored on its categories only: not comparable; see below
        summary["accuracy_alone"] = round(accuracy, 3)
        result["baselines"][name] = summary  # type: ignore[index]
    if args.hatecheck.exists():
        extra = {n: p for n, (_, p) in found.items() if n == "alt-profanity-check"}
        checked = hatecheck(args.hatecheck, extra)
        print("\nHateCheck harassment (hateful cases = harassment; odd templates, unseen by "
              f"the model; goal F1 {GOALS['hatecheck_harassment_f1']}):")
        for name, figures in checked.items():
            print(f"  {name:<22}P {figures['precision']:.3f}  R {figures['recall']:.3f}  "
                  f"F1 {figures['f1']:.3f}")
        result["hatecheck"] = checked
    else:
        print(f"\nskipped HateCheck: {args.hatecheck} not found")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
