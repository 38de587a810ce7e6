from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.forms import ProfileForm
from accounts.middleware import remember_zone
from accounts.models import UserProfile


@login_required
def profile(request):
    """The signed-in person's own settings: today, their time zone."""
    instance = UserProfile.for_user(request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember_zone(request, form.cleaned_data["time_zone"])
        messages.success(request, f"Time zone set to {form.cleaned_data['time_zone']}.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "now": timezone.now()})
