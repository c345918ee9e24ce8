from quizzes.scoring import PASS_PERCENT, Item, largest_remainder, scaled_score, score

WEIGHTS = {1: 32, 2: 26, 3: 24, 4: 18}


def item(domain, keyed, selected):
    return Item(domain, frozenset(keyed), frozenset(selected))


def test_blueprint_draws_21_17_15_12():
    assert largest_remainder(65, WEIGHTS) == {1: 21, 2: 17, 3: 15, 4: 12}
    assert sum(largest_remainder(10, WEIGHTS).values()) == 10


def test_multiple_response_is_all_or_nothing_and_unanswered_is_wrong():
    items = [
        item(1, {1}, {1}),  # right
        item(1, {2, 3}, {2}),  # one of two: wrong
        item(1, {4, 5}, {4, 5}),  # both: right
        item(2, {6}, set()),  # unanswered: wrong
        item(2, {7}, {7, 8}),  # extra pick: wrong
    ]
    result = score(items, WEIGHTS)
    assert [(d.domain, d.correct, d.total) for d in result.domains] == [(1, 2, 3), (2, 0, 2)]
    assert (result.correct, result.total) == (2, 5)
    # Weighted by the domains covered: (66.7 × 32 + 0 × 26) / 58
    assert round(result.percent, 1) == round(200 / 3 * 32 / 58, 1)
    assert result.scaled == scaled_score(result.percent)
    assert not result.passed


def test_scaled_score_maps_0_to_100_and_100_to_1000_with_720_near_69_percent():
    assert scaled_score(0) == 100 and scaled_score(100) == 1000
    assert scaled_score(PASS_PERCENT) == 720
    perfect = score([item(n, {n}, {n}) for n in (1, 2, 3, 4)], WEIGHTS)
    assert perfect.scaled == 1000 and perfect.passed


def test_empty_attempt_scores_zero():
    result = score([], WEIGHTS)
    assert (result.percent, result.scaled, result.passed) == (0.0, 100, False)
