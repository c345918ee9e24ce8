"""Learner accounts: sign up and settings (log in, log out and password change are Django's)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from quizzes.models import LearnerSettings


def signup(request: HttpRequest) -> HttpResponse:
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        messages.success(request, f"Welcome, {user.username}. Your exams and history are kept.")
        return redirect("quizzes:exam_list")
    return render(request, "registration/signup.html", {"form": form})


class SettingsForm(forms.ModelForm):
    class Meta:
        model = LearnerSettings
        fields = ["extended_time"]
        labels = {"extended_time": "Extended time: 1.5 × the time on timed exams"}


@login_required
def learner_settings(request: HttpRequest) -> HttpResponse:
    current, _ = LearnerSettings.objects.get_or_create(user=request.user)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved. They apply to exams you start from now on.")
        return redirect("account_settings")
    return render(request, "registration/settings.html", {"form": form})
