#pragma once

#include "api/Types.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace fc {

class ApiClient;

// Finds users and groups in the directory as the user types (debounced, both searches at
// once, older answers dropped), or takes a pasted email address or object ID. "Add" (or Enter,
// or a double-click on a result) hands the chosen principal over.
class PeoplePicker : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePicker(ApiClient *client, QWidget *parent = nullptr);

    void setDebounceMs(int ms);
    QLineEdit *searchEdit() const { return m_edit; }
    QListWidget *results() const { return m_results; }
    bool isSearching() const { return m_pending > 0; }
    void clear();

signals:
    void principalChosen(const fc::Principal &principal);
    void searchFinished(int results);

private:
    void search();
    void addResults(const QList<Principal> &principals);
    void finishOne();
    void choose();

    QPointer<ApiClient> m_client;
    QLineEdit *m_edit;
    QListWidget *m_results;
    QPushButton *m_add;
    QLabel *m_hint;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_exactEmail; // a pasted address: only the principal with this mail or UPN
    QList<Principal> m_found;
};

} // namespace fc
