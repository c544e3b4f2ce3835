"""The engine's output kept in the database: text vectors and each participant's suggestions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TextEmbedding(models.Model):
    """One text's raw vector under one model and prefix, keyed by ``embedding_key``'s hash.

    The key hashes model, prefix and text, so an unchanged text is never embedded twice and a
    new model version gets new rows instead of mixing vectors.
    """

    key = models.CharField(max_length=40, primary_key=True)
    model = models.CharField(max_length=100)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text embedding")
        verbose_name_plural = _("text embeddings")

    def __str__(self) -> str:
        return self.key


class Recommendation(models.Model):
    participant = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="recommendations"
    )
    partner = models.ForeignKey("fair.Participant", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    interpreter_needed = models.BooleanField(default=False)
    must_meet = models.BooleanField(default=False)
    # The engine's reasons as plain dicts (kind, mine, theirs, code, labels …); the page
    # renders them in the reader's language.
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "partner"], name="fair_recommendation_one_per_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} → {self.partner} #{self.rank}"
