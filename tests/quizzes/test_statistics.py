from quizzes.statistics import Response, item_statistics


def response(score, correct, *selected):
    return Response(score, correct, frozenset(selected))


def test_facility_discrimination_and_weak_distractors():
    responses = [response(90 - n * 10, n < 5, 1 if n < 5 else 2) for n in range(10)]
    stats = item_statistics(responses, wrong_choices=[2, 3])
    assert stats.responses == 10
    assert stats.facility == 0.5
    assert stats.discrimination == 1.0  # the top 27 % all right, the bottom all wrong
    assert stats.picked == {2: 0.5, 3: 0.0}
    assert stats.weak_distractors == [3]


def test_no_responses():
    stats = item_statistics([], wrong_choices=[1])
    assert (stats.responses, stats.facility, stats.discrimination) == (0, None, None)
