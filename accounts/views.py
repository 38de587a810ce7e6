from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.forms import ProfileForm
from accounts.middleware import remember_zone
from accounts.models import ExternalIdentity, UserProfile
from audit.roles import ROLES


@login_required
def profile(request):
    """The signed-in person's own settings: their time zone and how dates are written."""
    instance = UserProfile.for_user(request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember_zone(request, form.cleaned_data["time_zone"], form.cleaned_data["date_style"])
        style = dict(form.fields["date_style"].choices)[form.cleaned_data["date_style"]]
        messages.success(
            request,
            f"Time zone set to {form.cleaned_data['time_zone']}; dates: {style.split(':')[0]}.",
        )
        return redirect("accounts:profile")
    user = request.user
    roles = sorted(name for name in user.groups.values_list("name", flat=True) if name in ROLES)
    context = {
        "form": form,
        "now": timezone.now(),
        "roles": roles,
        "signs_in_with_provider": ExternalIdentity.objects.filter(user=user).exists(),
    }
    return render(request, "accounts/profile.html", context)
