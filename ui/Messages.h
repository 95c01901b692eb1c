#pragma once

#include <QString>

#include <functional>

class QWidget;
class QMessageBox;

namespace fc {

struct ApiError;

// Non-blocking message boxes: shown with open(), deleted when closed, so that a failure reported
// from a network callback never starts a nested event loop.
QMessageBox *showError(QWidget *parent, const QString &title, const QString &text,
                       const QString &details = {});
// whatFailed names what the user tried ("Could not save 'Expense approval'"); the box says it
// with the reason in plain words, and keeps the technical text and request id behind Details,
// with a button that copies them.
QMessageBox *showApiError(QWidget *parent, const QString &whatFailed, const ApiError &error);
// Why a call failed, in words for people: "the service had an internal error. Try again in a minute."
QString plainReason(const ApiError &error);
// "Could not save 'Expense approval': the service had an internal error. Try again in a minute."
QString describeFailure(const QString &whatFailed, const ApiError &error);
// The technical account of a failure, for Details and reports: the call, status, code, the
// service's words and the request id.
QString technicalDetails(const ApiError &error);
// A question with a named "yes" button and Cancel as the default; onYes runs only if the user
// confirms (and the parent still lives). Tests find the box by objectName.
// noText names the safe choice when "Cancel" would be ambiguous (a box that asks whether to
// cancel runs offers "Cancel runs" and "Keep running", not "Cancel runs" and "Cancel").
QMessageBox *askToConfirm(QWidget *parent, const QString &objectName, const QString &title,
                          const QString &text, const QString &yesText, std::function<void()> onYes,
                          const QString &noText = {});

} // namespace fc
