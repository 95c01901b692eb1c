#pragma once

#include "auth/Profile.h"

#include <QDialog>

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace fc {

// Adds, edits and removes profiles (cloud preset, tenant, client ID, and under Advanced the base
// URLs and the dialect), stored in QSettings. "Sign in" hands the selected profile back.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfilesDialog(QWidget *parent = nullptr);

    QList<Profile> profiles() const { return m_profiles; }

signals:
    void signInRequested(const fc::Profile &profile);

private:
    void showProfile(int row);
    bool commit(); // form -> m_profiles[current], validated and stored
    Profile fromForm() const;
    void addProfile();
    void removeProfile();
    void onPresetChanged();
    void store();

    QList<Profile> m_profiles;
    int m_current = -1;
    bool m_filling = false;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_cloud = nullptr;
    QLineEdit *m_tenant = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_loginHint = nullptr;
    QCheckBox *m_advanced = nullptr;
    QList<QWidget *> m_advancedFields; // the rows under "Advanced settings"
    QLineEdit *m_authority = nullptr;
    QLineEdit *m_flowApi = nullptr;
    QLineEdit *m_powerAppsApi = nullptr;
    QLineEdit *m_graph = nullptr;
    QComboBox *m_dialect = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_signIn = nullptr;
    QWidget *m_form = nullptr;
};

} // namespace fc
