from django.urls import path

from quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("", views.exam_list, name="exam_list"),
    path("start/", views.exam_start, name="start"),
    path("history/", views.history, name="history"),
    path("<int:pk>/", views.attempt_resume, name="resume"),
    path("<int:pk>/q/<int:position>/", views.question, name="question"),
    path("<int:pk>/q/<int:position>/answer/", views.answer, name="answer"),
    path("<int:pk>/q/<int:position>/flag/", views.flag, name="flag"),
    path("<int:pk>/q/<int:position>/report/", views.report_problem, name="report"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/time/", views.time_left, name="time"),
]
