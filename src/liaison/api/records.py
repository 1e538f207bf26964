"""Placeholder router until the generic record API lands (security engineer)."""

from fastapi import APIRouter

router = APIRouter()
